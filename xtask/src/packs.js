
// Added by `cargo xtask build-spa`: opening a split point fetches its pack, its modules one
// after the other in one file (for an area, with the chunks it shares and the English words),
// or, when most of it is already here, only the modules it lacks, each from its own file. A
// module is instantiated once, from whichever fetch brought it first.
const __folder = "./__FOLDER__/";
// Per module: its file stem and its size in bytes.
const __modules = __MODULES__;
// Per split point: its pack's name, its own module (-1: none), the chunks it needs, and the
// modules its pack brings besides.
const __points = __POINTS__;
// Per module: the promise of its bytes until it is instantiated, then `__taken`.
const __pieces = new Map();
const __taken = Symbol("taken");

function __fetchBytes(file) {
    return fetch(new URL(__folder + file, import.meta.url)).then((response) => {
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        return response.arrayBuffer();
    });
}

// A module whose bytes could not be fetched is left to the next fetch.
function __claim(module, bytes) {
    bytes.catch(() => {
        if (__pieces.get(module) === bytes) __pieces.delete(module);
    });
    __pieces.set(module, bytes);
}

function __openPack(point) {
    const [name, own, chunks, words] = __points[point];
    const missing = [];
    let size = 0;
    let missingSize = 0;
    for (const module of [...(own < 0 ? [] : [own]), ...chunks, ...words]) {
        const length = __modules[module][1];
        if (!__pieces.has(module)) {
            missing.push([module, size, size + length]);
            missingSize += length;
        }
        size += length;
    }
    if (missing.length === 0) return;
    if (missingSize * 2 < size) {
        for (const [module] of missing) __claim(module, __fetchBytes(`${__modules[module][0]}.wasm`));
        return;
    }
    const pack = __fetchBytes(`pack_${name}.bin`);
    pack.catch(() => {});
    for (const [module, start, end] of missing) {
        __claim(module, pack.then((bytes) => bytes.slice(start, end)));
    }
}

function __fetcher(module) {
    return () => {
        const bytes = __pieces.get(module);
        const src = bytes === undefined || bytes === __taken
            ? Promise.reject(new Error(`${__modules[module][0]} is in no fetch under way`))
            : bytes;
        src.catch(() => {});
        return async (imports) => {
            const instantiated = await WebAssembly.instantiate(await src, imports);
            __pieces.set(module, __taken);
            return instantiated;
        };
    };
}

const __chunks = __modules.map((_, module) => makeLoad(__fetcher(module), []));

function __loader(point) {
    const [, own, chunks] = __points[point];
    const load = wrapAsyncCb(makeLoad(
        own < 0 ? () => async () => ({}) : __fetcher(own),
        chunks.map((chunk) => __chunks[chunk]),
    ));
    return (...args) => {
        __openPack(point);
        return load(...args);
    };
}
