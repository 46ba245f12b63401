//! The admin app cut at its split points, and each area delivered as one pack.
//!
//! `wasm_split_cli_support` cuts the module into a main module, one module per split point
//! (areas and languages) and the chunks several split points share, and writes a loader that
//! fetches each module on its own. A large area needs some 150 small chunks, each compressed on
//! its own; written one after the other into one file they compress a third smaller. So every
//! module goes into one fingerprinted folder, each split point gets a pack there (its own module
//! and its chunks), and the loader is ours: opening a split point fetches its pack, or only the
//! modules it lacks when those weigh less in brotli.

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use sha2::{Digest, Sha256};

use crate::{Result, emit_as, file_stem, read, short_hash};

/// The import specifier the loader is linked under, and the one it imports the bindings from,
/// until both are fingerprinted.
pub const SPLIT_LINK: &str = "./__wasm_split.js";
pub const SPLIT_MAIN: &str = "./__consentry_split_main.js";

/// The split points that are languages rather than areas: all of a language's messages, and
/// (other than English, whose are in the main module) its frame's messages.
const LANGUAGES: [&str; 7] = [
    "english",
    "dutch",
    "german",
    "french",
    "dutch_frame",
    "german_frame",
    "french_frame",
];

/// How the split point of a language's frame messages ends: a reader of that language fetches
/// it on first load.
const FRAME: &str = "_frame";

/// The language fetched with the first area opened.
const WORDS_WITH_AREAS: &str = "english";

/// A module cut at its split points.
pub struct Split {
    /// The main module, still to be bound.
    pub main: PathBuf,
    /// The split points' and chunks' modules.
    pub modules: Vec<PathBuf>,
    /// The generated loader (JavaScript), importing the bindings as [`SPLIT_MAIN`].
    loader: String,
    areas: Vec<Area>,
}

/// A split point: an area or a language.
struct Area {
    /// Its name in the module (its loader is `__wasm_split_load_{point}`).
    point: String,
    /// Its name in reports and files: `records` for the split point `records_1451…`.
    name: String,
    /// The stem of its own module, unless that came out empty.
    own: Option<String>,
    /// The stems of the chunks it needs.
    chunks: Vec<String>,
}

impl Area {
    /// What its pack holds: its own module, then its chunks.
    fn pack(&self) -> impl Iterator<Item = &String> {
        self.own.iter().chain(&self.chunks)
    }
}

pub fn split(wasm: &Path, dir: &Path) -> Result<Split> {
    let input = read(wasm)?;
    let main = dir.join("main.wasm");
    let result = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = dir;
        options.main_out_path = &main;
        options.main_module = SPLIT_MAIN;
        options.link_name = SPLIT_LINK;
        options
    })
    .map_err(|e| format!("wasm-split of {}: {e:#}", wasm.display()))?;
    let loader = fs::read_to_string(dir.join(SPLIT_LINK.trim_start_matches("./")))
        .map_err(|e| e.to_string())?;
    let mut areas: Vec<Area> = result
        .prefetch_map
        .into_iter()
        .map(|(point, stems)| {
            let name = point
                .rsplit_once('_')
                .filter(|(_, hash)| hash.bytes().all(|b| b.is_ascii_digit()))
                .map_or(point.as_str(), |(area, _)| area)
                .to_owned();
            let (own, chunks): (Vec<String>, Vec<String>) = stems
                .into_iter()
                .partition(|stem| stem.starts_with("split_"));
            Area {
                point,
                name,
                own: own.into_iter().next(),
                chunks,
            }
        })
        .collect();
    areas.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Split {
        main,
        modules: result.split_modules,
        loader,
        areas,
    })
}

/// What [`write_modules`] leaves: the loader, and per area the file opening it downloads.
pub struct Written {
    pub loader: String,
    /// Per split point other than a frame, the files opening it adds.
    pub areas: Vec<(String, Vec<String>)>,
    /// Per language other than English, the file its reader adds to the first load.
    pub frames: Vec<(String, String)>,
}

/// Writes every module and every split point's pack into one folder named after its content,
/// and the loader fetching from there.
pub fn write_modules(split: &Split, assets: &Path) -> Result<Written> {
    let mut modules = BTreeMap::new();
    for module in &split.modules {
        modules.insert(file_stem(module)?, read(module)?);
    }
    let index: BTreeMap<&String, usize> = modules.keys().zip(0..).collect();
    let mut digest = Sha256::new();
    for (stem, bytes) in &modules {
        digest.update(stem.as_bytes());
        digest.update((bytes.len() as u64).to_le_bytes());
        digest.update(bytes);
    }
    for area in &split.areas {
        for stem in area.pack() {
            digest.update(stem.as_bytes());
        }
    }
    let folder = format!("areas-{}", short_hash(&digest.finalize()));
    let dir = assets.join(&folder);
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut costs = BTreeMap::new();
    for (stem, bytes) in &modules {
        let file = format!("{stem}.wasm");
        emit_as(&dir, &file, bytes)?;
        costs.insert(stem, brotli_size(&dir, &file)?);
    }

    let find = |stem: &String| {
        index
            .get(stem)
            .copied()
            .ok_or_else(|| format!("no split module {stem}"))
    };
    let list = |stems: &[String]| -> Result<String> {
        let indices = stems.iter().map(find).collect::<Result<Vec<_>>>()?;
        Ok(format!("{indices:?}").replace(' ', ""))
    };
    let mut packs = Vec::new();
    let mut points = Vec::new();
    let mut exports = String::new();
    for area in &split.areas {
        let mut pack = Vec::new();
        for stem in area.pack() {
            pack.extend_from_slice(&modules[stem]);
        }
        let file = format!("pack_{}.bin", area.name);
        emit_as(&dir, &file, &pack)?;
        let cost = brotli_size(&dir, &file)?;
        packs.push((area.name.clone(), format!("{folder}/{file}")));
        let own = area
            .own
            .as_ref()
            .map_or(Ok(-1), |stem| find(stem).map(|i| i as i64))?;
        points.push(format!(
            "\"{}\":[\"{}\",{cost},{own},{}]",
            area.point,
            area.name,
            list(&area.chunks)?,
        ));
        exports.push_str(&format!(
            "export const __wasm_split_load_{0} = __loader(\"{0}\");\n",
            area.point
        ));
    }
    let modules = modules
        .iter()
        .map(|(stem, bytes)| format!("[\"{stem}\",{},{}]", bytes.len(), costs[stem]))
        .collect::<Vec<_>>()
        .join(",");
    let loader = format!(
        "{}{}{exports}",
        runtime(&split.loader, split.areas.len())?,
        include_str!("packs.js")
            .replace("__FOLDER__", &folder)
            .replace("__MODULES__", &format!("[{modules}]"))
            .replace("__POINTS__", &format!("{{{}}}", points.join(",")))
    );
    // An area opened in English fetches the English words with it (the first load holds only
    // the frame's): what opening it adds counts them.
    let english = packs
        .iter()
        .find(|(name, _)| name == WORDS_WITH_AREAS)
        .map(|(_, file)| file.clone());
    let frames = packs
        .iter()
        .filter_map(|(name, file)| Some((name.strip_suffix(FRAME)?.to_owned(), file.clone())))
        .collect();
    let areas = packs
        .iter()
        .filter(|(name, _)| !name.ends_with(FRAME))
        .map(|(name, file)| {
            let mut files = vec![file.clone()];
            if !LANGUAGES.contains(&name.as_str()) {
                files.extend(english.clone());
            }
            (name.clone(), files)
        })
        .collect();
    Ok(Written {
        loader,
        areas,
        frames,
    })
}

/// The size of the brotli sibling [`emit_as`] wrote for `file`: what fetching it costs.
fn brotli_size(dir: &Path, file: &str) -> Result<u64> {
    fs::metadata(dir.join(format!("{file}.br")))
        .map(|m| m.len())
        .map_err(|e| e.to_string())
}

/// The generated loader's runtime (the main module's shared imports, `wrapAsyncCb`,
/// `makeLoad`), without its per-module fetchers, which ours replace.
fn runtime(loader: &str, points: usize) -> Result<&str> {
    let exports = loader.matches("\nexport const __wasm_split_load_").count();
    let end = ["\n/* ", "\nconst __chunk_", "\nexport const "]
        .iter()
        .filter_map(|start| loader.find(start))
        .min()
        .unwrap_or(loader.len());
    let runtime = &loader[..end];
    let expected = [
        "function getSharedImports(",
        "function wrapAsyncCb(",
        "function makeLoad(fetcher, deps)",
    ];
    if exports != points || !expected.iter().all(|f| runtime.contains(f)) {
        return Err(format!(
            "the split loader is not as expected: {exports} loaders for {points} split points, \
             or no {expected:?} before them"
        ));
    }
    Ok(runtime)
}
