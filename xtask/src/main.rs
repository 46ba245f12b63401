//! `cargo xtask build-spa [--dev]`: builds the admin app into `dist/`.
//!
//! 1. `cargo build` of `consentry-app` for `wasm32-unknown-unknown` (profile `wasm-release`,
//!    or `dev` with `--dev`);
//! 2. wasm-bindgen through the library pinned to the same version as the `wasm-bindgen` crate
//!    (no CLI to install), dropping the name section in release;
//! 3. `wasm-opt -Oz` from npm's `binaryen` in release (never Debian's: its old wasm-opt breaks
//!    the module);
//! 4. content-hashed file names, `.gz` and `.br` siblings for the server's precompressed
//!    serving, `index.html` from `app/index.html`;
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

fn build_spa(dev: bool) -> Result<()> {
    let root = workspace_root()?;
    let profile = if dev { "dev" } else { "wasm-release" };
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(Command::new(&cargo).current_dir(&root).args([
        "build",
        "--package",
        "consentry-app",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]))?;
    let profile_dir = if dev { "debug" } else { profile };
    let wasm = target_dir(&root)
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join("consentry_app.wasm");

    let staging = target_dir(&root).join("spa-staging");
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| e.to_string())?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("consentry_app")
        .web(true)
        .map_err(|e| e.to_string())?
        .typescript(false)
        .remove_name_section(!dev)
        .remove_producers_section(!dev)
        .generate(&staging)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    let bound_wasm = staging.join("consentry_app_bg.wasm");
    if !dev {
        optimise(&root, &bound_wasm)?;
    }

    let dist = root.join("dist");
    let _ = fs::remove_dir_all(&dist);
    let assets = dist.join("assets");
    fs::create_dir_all(&assets).map_err(|e| e.to_string())?;

    let wasm_name = emit(&assets, "consentry_app_bg", "wasm", &read(&bound_wasm)?)?;
    let bindings_name = emit(
        &assets,
        "consentry_app",
        "js",
        &read(&staging.join("consentry_app.js"))?,
    )?;
    // The boot script passes the fingerprinted wasm path explicitly; being a file (not an
    // inline script) keeps the CSP free of 'unsafe-inline'.
    let boot = format!(
        "import init from \"./{bindings_name}\";\ninit({{ module_or_path: \"/assets/{wasm_name}\" }});\n"
    );
    let boot_name = emit(&assets, "boot", "js", boot.as_bytes())?;
    let css = concat_styles(&root.join("style"))?;
    let css_name = emit(&assets, "consentry", "css", css.as_bytes())?;

    let template = fs::read_to_string(root.join("app/index.html")).map_err(|e| e.to_string())?;
    let index = template
        .replace("{{stylesheet}}", &format!("/assets/{css_name}"))
        .replace("{{bindings}}", &format!("/assets/{bindings_name}"))
        .replace("{{wasm}}", &format!("/assets/{wasm_name}"))
        .replace("{{boot}}", &format!("/assets/{boot_name}"));
    fs::write(dist.join("index.html"), index).map_err(|e| e.to_string())?;
    copy_dir(&root.join("public"), &dist)?;

    report(
        &assets,
        &[&wasm_name, &bindings_name, &boot_name, &css_name],
        dev,
    )
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

fn concat_styles(dir: &Path) -> Result<String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "css"))
        .collect();
    files.sort();
    let mut css = String::new();
    for file in files {
        css.push_str(&fs::read_to_string(&file).map_err(|e| e.to_string())?);
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

fn report(assets: &Path, names: &[&str], dev: bool) -> Result<()> {
    println!(
        "\nAdmin app bundle ({}), what a browser downloads on first load:",
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
    Ok(())
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
