// Optimises WebAssembly modules for size in place, as `wasm-opt -Oz --converge
// --strip-producers --strip-target-features` with the features Rust's wasm32 target emits
// would, but in one process: the command-line wasm-opt of the binaryen package is binaryen
// compiled to WebAssembly, which takes longer to start than a split module takes to optimise.
//
// node optimise.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import binaryen from "binaryen";

const F = binaryen.Features;
const features =
  F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals |
  F.ReferenceTypes | F.Multivalue;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
// As the command line does when optimising: the binary is written from optimised Stack IR.
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);

for (const path of process.argv.slice(2)) {
  const module = binaryen.readBinary(readFileSync(path), features);
  const passes = () => {
    module.optimize();
    module.runPasses(["strip-producers", "strip-target-features"]);
  };
  // Repeated while the module still shrinks, as --converge does.
  passes();
  let size = module.emitBinary().length;
  for (;;) {
    passes();
    const now = module.emitBinary().length;
    if (now >= size) break;
    size = now;
  }
  writeFileSync(path, module.emitBinary());
  module.dispose();
}
