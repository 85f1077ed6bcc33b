// Test plumbing: run nn_pure.py inside MicroPython (WebAssembly port) with a
// 64 KB heap, as a graphing calculator would. The port's own command line
// cannot pass arguments or import a second file, so this does both.
//
//   node micropython_run.mjs PATH/nn_pure.py [ARG ...]
//       runs the file as __main__ with sys.argv = ["nn_pure.py", ARG ...]
//   node micropython_run.mjs PATH/nn_pure.py --import CODE
//       imports nn_pure, then runs the Python CODE
//
// Exits with the program's exit status (sys.exit), or 1 after an uncaught
// exception, whose traceback goes to stderr.
import { readFileSync } from "node:fs";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

const [path, ...args] = process.argv.slice(2);
const mp = await loadMicroPython({
  heapsize: 64 * 1024,
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
mp.FS.writeFile("nn_pure.py", readFileSync(path, "utf8"));

let program;
if (args[0] === "--import") {
  program = "import nn_pure\n" + args[1];
} else {
  mp.globals.set("ARGV", JSON.stringify(["nn_pure.py", ...args]));
  program = [
    "import sys, json",
    "sys.argv[:] = json.loads(ARGV)",
    "exec(open('nn_pure.py').read(),",
    "     {'__name__': '__main__', '__file__': 'nn_pure.py'})",
  ].join("\n");
}
const wrapped = [
  "import sys",
  "status = 0",
  "try:",
  ...program.split("\n").map((line) => "    " + line),
  "except SystemExit as stop:",
  "    status = stop.args[0] if stop.args else 0",
  "except BaseException as error:",
  "    sys.print_exception(error, sys.stderr)",
  "    status = 1",
].join("\n");
mp.runPython(wrapped);
process.exitCode = mp.globals.get("status") || 0;
