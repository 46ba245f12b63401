//! `cargo xtask build-spa [--dev]`: builds the admin app (`dist/index.html`) and the public
//! pages for data subjects (`dist/site.html`), each with its own bundle, into `dist/`.
//!
//! 1. `cargo build` of `consentry-app` and `consentry-site` for `wasm32-unknown-unknown`
//!    (profile `wasm-release`, or `dev` with `--dev`);
//! 2. wasm-bindgen through the library pinned to the same version as the `wasm-bindgen` crate
//!    (no CLI to install), dropping the name section in release;
//! 3. `wasm-opt -Oz` from npm's `binaryen` in release (never Debian's: its old wasm-opt breaks
//!    the module);
//! 4. content-hashed file names, `.gz` and `.br` siblings for the server's precompressed
//!    serving, each page from its template (`web/admin/index.html`, `web/consent-page/index.html`);
//! 5. a size report of what a browser downloads on first load.

use std::{
    env, fs,
    io::Write,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

use sha2::{Digest, Sha256};

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
        budget_kib: None,
    },
    Bundle {
        package: "consentry-site",
        lib: "consentry_site",
        template: "web/consent-page/index.html",
        page: "site.html",
        styles: &["style/consent.css", "web/consent-page/site.css"],
        budget_kib: Some(165),
    },
    Bundle {
        package: "consentry-signup",
        lib: "consentry_signup",
        template: "web/signup/index.html",
        page: "signup.html",
        styles: &["style/consent.css", "web/consent-page/site.css"],
        budget_kib: Some(160),
    },
    Bundle {
        package: "consentry-privacy",
        lib: "consentry_privacy",
        template: "web/privacy-centre/index.html",
        page: "privacy.html",
        styles: &["web/consent-page/site.css"],
        budget_kib: Some(160),
    },
];

fn build_spa(dev: bool) -> Result<()> {
    let root = workspace_root()?;
    let profile = if dev { "dev" } else { "wasm-release" };
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(&cargo);
    build.current_dir(&root).arg("build");
    // Panic locations name source files: shortened to the same prefixes on every machine, the
    // bundles weigh the same here and in CI whatever the checkout's or cargo's directory.
    if env::var_os("RUSTFLAGS").is_none() && env::var_os("CARGO_ENCODED_RUSTFLAGS").is_none() {
        let cargo_home = env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
            .unwrap_or_default();
        let remaps = [
            (cargo_home.join("registry").join("src"), "/crates"),
            (cargo_home.join("git").join("checkouts"), "/git"),
            (root.clone(), "/consentry"),
        ];
        let flags: Vec<String> = remaps
            .iter()
            .map(|(from, to)| format!("--remap-path-prefix={}={to}", from.display()))
            .collect();
        build.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"));
    }
    for bundle in &BUNDLES {
        build.args(["--package", bundle.package]);
    }
    run(build.args([
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]))?;

    let dist = root.join("dist");
    let _ = fs::remove_dir_all(&dist);
    let assets = dist.join("assets");
    fs::create_dir_all(&assets).map_err(|e| e.to_string())?;
    for bundle in &BUNDLES {
        let names = build_bundle(&root, &assets, bundle, dev)?;
        let brotli = report(&assets, bundle.page, &names, dev)?;
        if let (Some(budget), false) = (bundle.budget_kib, dev)
            && brotli > budget * 1024
        {
            return Err(format!(
                "{} downloads {} brotli on first load, over its budget of {budget} KiB",
                bundle.page,
                kib(brotli)
            ));
        }
    }
    copy_dir(&root.join("public"), &dist)
}

/// Binds, optimises and fingerprints one bundle and writes its page; returns the names of the
/// files a browser downloads on first load.
fn build_bundle(root: &Path, assets: &Path, bundle: &Bundle, dev: bool) -> Result<Vec<String>> {
    let profile_dir = if dev { "debug" } else { "wasm-release" };
    let wasm = target_dir(root)
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join(format!("{}.wasm", bundle.lib));

    let staging = target_dir(root).join("spa-staging").join(bundle.lib);
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| e.to_string())?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name(bundle.lib)
        .web(true)
        .map_err(|e| e.to_string())?
        .typescript(false)
        .remove_name_section(!dev)
        .remove_producers_section(!dev)
        .generate(&staging)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    let bound_wasm = staging.join(format!("{}_bg.wasm", bundle.lib));
    if !dev {
        optimise(root, &bound_wasm)?;
    }

    let wasm_name = emit(
        assets,
        &format!("{}_bg", bundle.lib),
        "wasm",
        &read(&bound_wasm)?,
    )?;
    let bindings_name = emit(
        assets,
        bundle.lib,
        "js",
        &read(&staging.join(format!("{}.js", bundle.lib)))?,
    )?;
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
    Ok(vec![wasm_name, bindings_name, boot_name, css_name])
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn optimise(root: &Path, wasm: &Path) -> Result<()> {
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} is missing: run `npm ci` in {} (it installs binaryen's wasm-opt)",
            wasm_opt.display(),
            root.display()
        ));
    }
    let optimised = wasm.with_extension("opt.wasm");
    // The features Rust's wasm32 target emits by default; wasm-opt must accept them.
    run(Command::new(&wasm_opt)
        .arg(wasm)
        .args([
            "-Oz",
            // Repeats the passes while they still shrink the module (a few hundred bytes).
            "--converge",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "-o",
        ])
        .arg(&optimised))?;
    fs::rename(&optimised, wasm).map_err(|e| e.to_string())
}

/// Writes `stem-HASH.ext` with `.gz` and `.br` siblings; returns the file name.
fn emit(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<String> {
    let hash = Sha256::digest(bytes);
    let short: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = format!("{stem}-{short}.{ext}");
    let path = dir.join(&name);
    fs::write(&path, bytes).map_err(|e| e.to_string())?;
    fs::write(dir.join(format!("{name}.gz")), gzip(bytes)?).map_err(|e| e.to_string())?;
    fs::write(dir.join(format!("{name}.br")), brotli(bytes)?).map_err(|e| e.to_string())?;
    Ok(name)
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

/// Prints the sizes of a page's first load; returns the brotli total in bytes.
fn report(assets: &Path, page: &str, names: &[String], dev: bool) -> Result<u64> {
    println!(
        "\n{page} ({}), what a browser downloads on first load:",
        if dev { "dev" } else { "release" }
    );
    println!(
        "  {:<40} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut totals = [0u64; 3];
    for name in names {
        let size = |suffix: &str| {
            fs::metadata(assets.join(format!("{name}{suffix}")))
                .map(|m| m.len())
                .map_err(|e| e.to_string())
        };
        let sizes = [size("")?, size(".gz")?, size(".br")?];
        for (total, s) in totals.iter_mut().zip(sizes) {
            *total += s;
        }
        println!(
            "  {:<40} {:>10} {:>10} {:>10}",
            name,
            kib(sizes[0]),
            kib(sizes[1]),
            kib(sizes[2])
        );
    }
    println!(
        "  {:<40} {:>10} {:>10} {:>10}",
        "total",
        kib(totals[0]),
        kib(totals[1]),
        kib(totals[2])
    );
    Ok(totals[2])
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
