// Test plumbing: run nn_pure.py inside Pyodide (CPython in WebAssembly, as
// JupyterLite and PyScript run it in a browser).
//
//   node pyodide_run.mjs PATH/nn_pure.py [ARG ...]
//       runs the file as __main__ with sys.argv = ["nn_pure.py", ARG ...]
//
// Exits with the program's exit status (sys.exit), or 1 after an uncaught
// exception, whose traceback goes to stderr.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [path, ...args] = process.argv.slice(2);
const pyodide = await loadPyodide();
const write = (stream) => ({
  write: (bytes) => {
    stream.write(bytes);
    return bytes.length;
  },
});
pyodide.setStdout(write(process.stdout));
pyodide.setStderr(write(process.stderr));
pyodide.FS.writeFile("nn_pure.py", readFileSync(path, "utf8"));
pyodide.globals.set("ARGV", JSON.stringify(["nn_pure.py", ...args]));
const status = pyodide.runPython(`
import json, runpy, sys, traceback
sys.argv = json.loads(ARGV)
status = 0
try:
    runpy.run_path("nn_pure.py", run_name="__main__")
except SystemExit as stop:
    status = stop.code if isinstance(stop.code, int) else (stop.code is not None)
except BaseException:
    traceback.print_exc()
    status = 1
sys.stdout.flush()
sys.stderr.flush()
status
`);
process.exitCode = status;
