//! `cargo xtask build-spa [--dev]`: builds the admin app (`dist/index.html`) and the public
//! pages for data subjects (`dist/site.html`), each with its own bundle, into `dist/`.
//!
//! 1. `cargo build` of `consentry-app` and `consentry-site` for `wasm32-unknown-unknown`
//!    (profile `wasm-release`, or `dev` with `--dev`);
//! 2. wasm-bindgen through the library pinned to the same version as the `wasm-bindgen` crate
//!    (no CLI to install), dropping the name section in release;
//! 3. binaryen's `-Oz --converge` from npm's `binaryen` in release, through its library in one
//!    process per core (`optimise.mjs`; never Debian's wasm-opt: its old version breaks the
//!    module);
//! 4. content-hashed file names, `.gz` and `.br` siblings for the server's precompressed
//!    serving, each page from its template (`web/admin/index.html`, `web/consent-page/index.html`);
//! 5. a size report of what a browser downloads on first load.
//!
//! The admin app is split: its areas and languages are `wasm_split` split points, linked with
//! `--emit-relocs` so that `wasm_split_cli_support` can cut the module at those split points
//! into a main module (sign-in and shell, with the frame's English) and one module per area
//! and per language plus the chunks areas share. Each split point's modules are also written one
//! after the other into one pack file, compressed as one: opening an area fetches its pack, or
//! only the modules it lacks when those weigh less in brotli. Its budget covers the first load
//! in each language (a Dutch, German or French reader also fetches their frame's messages) and,
//! separately, what opening each area adds (its pack and the English words' pack).

use std::{
    env, fs,
    io::Write,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

use sha2::{Digest, Sha256};

mod split;
use split::{SPLIT_LINK, SPLIT_MAIN};

type Result<T> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build-spa") => build_spa(args.iter().any(|a| a == "--dev")),
        _ => Err("usage: cargo xtask build-spa [--dev]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The checkout to build: the nearest folder upwards from the working directory whose
/// `Cargo.toml` declares the workspace. Deliberately not `env!("CARGO_MANIFEST_DIR")`: with a
/// target directory shared between checkouts, cargo may run a helper binary compiled in another
/// checkout, and a path baked in at compile time would then build the wrong tree.
fn workspace_root() -> Result<PathBuf> {
    let start = env::current_dir().map_err(|e| e.to_string())?;
    start
        .ancestors()
        .find(|dir| {
            fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|manifest| manifest.contains("[workspace]"))
        })
        .map(Path::to_path_buf)
        .ok_or_else(|| format!("no Cargo workspace above {}", start.display()))
}

fn target_dir(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}"))
    }
}

/// One WebAssembly bundle and the page that loads it.
struct Bundle {
    /// Cargo package.
    package: &'static str,
    /// Its library's file stem (`consentry_app`).
    lib: &'static str,
    /// The HTML template, relative to the workspace.
    template: &'static str,
    /// The page written into `dist/`.
    page: &'static str,
    /// Its stylesheets, relative to the workspace (a folder means every `.css` in it).
    styles: &'static [&'static str],
    /// Most KiB (brotli) a browser may download on first load of a release build.
    budget_kib: Option<u64>,
    /// Split at its lazy routes, each area at most this many KiB (brotli) when first opened.
    area_budget_kib: Option<u64>,
}

/// The admin app, and the public pages for data subjects (kept small: they load on a phone
/// from a link in an e-mail).
const BUNDLES: [Bundle; 4] = [
    Bundle {
        package: "consentry-app",
        lib: "consentry_app",
        template: "web/admin/index.html",
        page: "index.html",
        styles: &["style"],
        budget_kib: Some(250),
        // An area's pack (its own code and the chunks it shares) and the English words' pack.
        area_budget_kib: Some(200),
    },
    Bundle {
        package: "consentry-site",
        lib: "consentry_site",
        template: "web/consent-page/index.html",
        page: "site.html",
        styles: &["style/consent.css", "web/consent-page/site.css"],
        budget_kib: Some(165),
        area_budget_kib: None,
    },
    Bundle {
        package: "consentry-signup",
        lib: "consentry_signup",
        template: "web/signup/index.html",
        page: "signup.html",
        styles: &["style/consent.css", "web/consent-page/site.css"],
        budget_kib: Some(160),
        area_budget_kib: None,
    },
    Bundle {
        package: "consentry-privacy",
        lib: "consentry_privacy",
        template: "web/privacy-centre/index.html",
        page: "privacy.html",
        styles: &["web/consent-page/site.css"],
        budget_kib: Some(160),
        area_budget_kib: None,
    },
];

fn build_spa(dev: bool) -> Result<()> {
    let root = workspace_root()?;
    let profile = if dev { "dev" } else { "wasm-release" };
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Panic locations name source files: shortened to the same prefixes on every machine, the
    // bundles weigh the same here and in CI whatever the checkout's or cargo's directory.
    // `erase_components`: Leptos components return type-erased views, one rendering path
    // instead of one per view type (the admin app's areas are 9–12 % smaller).
    let remaps = (env::var_os("RUSTFLAGS").is_none()
        && env::var_os("CARGO_ENCODED_RUSTFLAGS").is_none())
    .then(|| {
        let cargo_home = env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
            .unwrap_or_default();
        [
            (cargo_home.join("registry").join("src"), "/crates"),
            (cargo_home.join("git").join("checkouts"), "/git"),
            (root.clone(), "/consentry"),
        ]
        .iter()
        .map(|(from, to)| format!("--remap-path-prefix={}={to}", from.display()))
        .chain(["--cfg".to_owned(), "erase_components".to_owned()])
        .collect::<Vec<String>>()
        .join("\u{1f}")
    });
    let wasm_build = |verb: &str| {
        let mut build = Command::new(&cargo);
        build.current_dir(&root).arg(verb);
        if let Some(flags) = &remaps {
            build.env("CARGO_ENCODED_RUSTFLAGS", flags);
        }
        build
    };
    let mut whole = wasm_build("build");
    for bundle in BUNDLES.iter().filter(|b| b.area_budget_kib.is_none()) {
        whole.args(["--package", bundle.package]);
    }
    run(whole.args([
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]))?;
    // Relocations only in the split bundles' final link (not in RUSTFLAGS, which would rebuild
    // every dependency under other flags).
    for bundle in BUNDLES.iter().filter(|b| b.area_budget_kib.is_some()) {
        run(wasm_build("rustc").args([
            "--package",
            bundle.package,
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            profile,
            "--",
            "-Clink-args=--emit-relocs",
        ]))?;
    }

    let dist = root.join("dist");
    let _ = fs::remove_dir_all(&dist);
    let assets = dist.join("assets");
    fs::create_dir_all(&assets).map_err(|e| e.to_string())?;
    // Every figure is printed before a budget fails the build.
    let mut over = Vec::new();
    for bundle in &BUNDLES {
        let downloads = build_bundle(&root, &assets, bundle, dev)?;
        let heading = format!(
            "{} ({}), what a browser downloads on first load:",
            bundle.page,
            if dev { "dev" } else { "release" }
        );
        // A reader of another language than English also fetches their frame's messages.
        let readers = [("English".to_owned(), downloads.first_load.clone())]
            .into_iter()
            .chain(downloads.frames.iter().map(|(language, file)| {
                let mut files = downloads.first_load.clone();
                files.push(file.clone());
                (language.clone(), files)
            }));
        for (index, (language, files)) in readers.enumerate() {
            let heading = match index {
                0 => heading.clone(),
                _ => format!("{}, first load read in {language}:", bundle.page),
            };
            let brotli = report(&assets, &heading, &files)?;
            if let (Some(budget), false) = (bundle.budget_kib, dev)
                && brotli > budget * 1024
            {
                over.push(format!(
                    "{} downloads {} brotli on first load in {language}, over its budget of \
                     {budget} KiB",
                    bundle.page,
                    kib(brotli)
                ));
            }
        }
        for (area, files) in &downloads.areas {
            let heading = format!("{} area {area}, what opening it adds:", bundle.page);
            let brotli = report(&assets, &heading, files)?;
            if let (Some(budget), false) = (bundle.area_budget_kib, dev)
                && brotli > budget * 1024
            {
                over.push(format!(
                    "{} area {area} downloads {} brotli when opened, over its budget of {budget} KiB",
                    bundle.page,
                    kib(brotli)
                ));
            }
        }
    }
    if !over.is_empty() {
        return Err(over.join("\n"));
    }
    copy_dir(&root.join("public"), &dist)
}

/// What a page's browser downloads: the files of its first load, and per area of a split
/// bundle the files opening it adds.
struct Downloads {
    first_load: Vec<String>,
    /// Per language other than English, the file its reader's first load adds.
    frames: Vec<(String, String)>,
    areas: Vec<(String, Vec<String>)>,
}

/// Splits (if the bundle is split), binds, optimises and fingerprints one bundle and writes its
/// page.
fn build_bundle(root: &Path, assets: &Path, bundle: &Bundle, dev: bool) -> Result<Downloads> {
    let profile_dir = if dev { "debug" } else { "wasm-release" };
    let wasm = target_dir(root)
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join(format!("{}.wasm", bundle.lib));

    let staging = target_dir(root).join("spa-staging").join(bundle.lib);
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| e.to_string())?;

    let split = match bundle.area_budget_kib {
        Some(_) => Some(split::split(&wasm, &staging.join("split"))?),
        None => None,
    };
    let input = split.as_ref().map_or(wasm.clone(), |s| s.main.clone());
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .out_name(bundle.lib)
        .web(true)
        .map_err(|e| e.to_string())?
        .typescript(false)
        // The split modules link against the main module's own exports and mangled names.
        .keep_lld_exports(split.is_some())
        .demangle(split.is_none())
        .remove_name_section(!dev)
        .remove_producers_section(!dev)
        .generate(&staging)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    let bound_wasm = staging.join(format!("{}_bg.wasm", bundle.lib));
    if !dev {
        optimise(root, std::slice::from_ref(&bound_wasm))?;
    }
    let main_wasm = read(&bound_wasm)?;
    let wasm_name = emit(assets, &format!("{}_bg", bundle.lib), "wasm", &main_wasm)?;
    let mut bindings = fs::read_to_string(staging.join(format!("{}.js", bundle.lib)))
        .map_err(|e| e.to_string())?;

    let mut first_load = Vec::new();
    let mut frames = Vec::new();
    let mut areas = Vec::new();
    let mut link = None;
    if let Some(split) = &split {
        if !dev {
            optimise_all(root, &split.modules)?;
        }
        let written = split::write_modules(split, assets)?;
        areas = written.areas;
        frames = written.frames;
        let loader = written.loader;
        // The loader and the bindings import each other: the loader is named after what
        // decides its content (its own text and the main module), the bindings after theirs,
        // which then includes the loader's name.
        let mut digest = Sha256::new();
        digest.update(loader.as_bytes());
        digest.update(&main_wasm);
        let loader_name = format!("__wasm_split-{}.js", short_hash(&digest.finalize()));
        let specifier = format!("from \"{SPLIT_LINK}\"");
        if !bindings.contains(&specifier) {
            return Err(format!(
                "the bindings of {} do not import {SPLIT_LINK}",
                bundle.lib
            ));
        }
        bindings = bindings.replace(&specifier, &format!("from \"./{loader_name}\""));
        link = Some((loader_name, loader));
    }
    let bindings_name = emit(assets, bundle.lib, "js", bindings.as_bytes())?;
    if let Some((loader_name, loader)) = link {
        let loader = loader.replace(SPLIT_MAIN, &format!("./{bindings_name}"));
        emit_as(assets, &loader_name, loader.as_bytes())?;
        first_load.push(loader_name);
    }
    // The boot script passes the fingerprinted wasm path explicitly; being a file (not an
    // inline script) keeps the CSP free of 'unsafe-inline'.
    let boot = format!(
        "import init from \"./{bindings_name}\";\ninit({{ module_or_path: \"/assets/{wasm_name}\" }});\n"
    );
    let boot_name = emit(
        assets,
        &format!("boot-{}", bundle.lib),
        "js",
        boot.as_bytes(),
    )?;
    let css = concat_styles(root, bundle.styles)?;
    let css_name = emit(assets, bundle.lib, "css", css.as_bytes())?;

    let template = fs::read_to_string(root.join(bundle.template)).map_err(|e| e.to_string())?;
    let page = template
        .replace("{{stylesheet}}", &format!("/assets/{css_name}"))
        .replace("{{bindings}}", &format!("/assets/{bindings_name}"))
        .replace("{{wasm}}", &format!("/assets/{wasm_name}"))
        .replace("{{boot}}", &format!("/assets/{boot_name}"));
    fs::write(assets.parent().unwrap_or(root).join(bundle.page), page)
        .map_err(|e| e.to_string())?;
    first_load.extend([wasm_name, bindings_name, boot_name, css_name]);
    Ok(Downloads {
        first_load,
        frames,
        areas,
    })
}

fn file_stem(path: &Path) -> Result<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no file name", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Optimises the modules on every core: one optimiser process per core, the modules dealt
/// out largest first so each gets a like share of the work.
fn optimise_all(root: &Path, modules: &[PathBuf]) -> Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut by_size: Vec<(u64, &PathBuf)> = modules
        .iter()
        .map(|m| (fs::metadata(m).map_or(0, |meta| meta.len()), m))
        .collect();
    by_size.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
    let mut shares = vec![Vec::new(); cores.min(modules.len()).max(1)];
    let count = shares.len();
    for (i, (_, module)) in by_size.into_iter().enumerate() {
        shares[i % count].push(module.clone());
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = shares
            .iter()
            .map(|share| scope.spawn(move || optimise(root, share)))
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .map_err(|_| "wasm-opt worker panicked".to_string())?
        })
    })
}

/// Optimises `modules` for size in place, as `wasm-opt -Oz --converge` would, in one process
/// (`optimise.mjs`: binaryen's command line starts slower than a small module optimises).
fn optimise(root: &Path, modules: &[PathBuf]) -> Result<()> {
    if modules.is_empty() {
        return Ok(());
    }
    if !root.join("node_modules/binaryen/package.json").exists() {
        return Err(format!(
            "binaryen is missing: run `npm ci` in {} (it installs binaryen)",
            root.display()
        ));
    }
    run(Command::new("node")
        .arg(root.join("xtask/src/optimise.mjs"))
        .args(modules))
}

/// Writes `stem-HASH.ext` with `.gz` and `.br` siblings; returns the file name.
fn emit(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<String> {
    let name = format!("{stem}-{}.{ext}", short_hash(&Sha256::digest(bytes)));
    emit_as(dir, &name, bytes)?;
    Ok(name)
}

/// Writes `name` with `.gz` and `.br` siblings.
fn emit_as(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    fs::write(dir.join(name), bytes).map_err(|e| e.to_string())?;
    fs::write(dir.join(format!("{name}.gz")), gzip(bytes)?).map_err(|e| e.to_string())?;
    fs::write(dir.join(format!("{name}.br")), brotli(bytes)?).map_err(|e| e.to_string())
}

fn short_hash(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// The stylesheets, concatenated in order; a folder contributes its `.css` files by name.
fn concat_styles(root: &Path, sources: &[&str]) -> Result<String> {
    let mut files = Vec::new();
    for source in sources {
        let path = root.join(source);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "css"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path);
        }
    }
    let mut css = String::new();
    for file in files {
        css.push_str(&fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?);
        css.push('\n');
    }
    Ok(css)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(from) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            fs::copy(&path, to.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Prints the sizes of the files under `heading`; returns the brotli total in bytes.
fn report(assets: &Path, heading: &str, names: &[String]) -> Result<u64> {
    println!("\n{heading}");
    println!(
        "  {:<40} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let sizes = |name: &String| -> Result<[u64; 3]> {
        let size = |suffix: &str| {
            fs::metadata(assets.join(format!("{name}{suffix}")))
                .map(|m| m.len())
                .map_err(|e| e.to_string())
        };
        Ok([size("")?, size(".gz")?, size(".br")?])
    };
    let row = |label: &str, sizes: [u64; 3]| {
        println!(
            "  {:<40} {:>10} {:>10} {:>10}",
            label,
            kib(sizes[0]),
            kib(sizes[1]),
            kib(sizes[2])
        );
    };
    let add = |into: &mut [u64; 3], sizes: [u64; 3]| {
        for (total, s) in into.iter_mut().zip(sizes) {
            *total += s;
        }
    };
    let mut totals = [0u64; 3];
    for name in names {
        let sizes = sizes(name)?;
        add(&mut totals, sizes);
        row(name, sizes);
    }
    row("total", totals);
    Ok(totals[2])
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
