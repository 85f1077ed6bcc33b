"""The README's calculator figures, measured: run `python .ci/readme_figures.py`.

For the two calculator files the README shows, the post's lesson
(`python nn_pure.py --calculator`) and the XOR lesson (`--calculator --table
xor --hidden 4`), it prints:

  - the file's size in bytes, as `--calculator` writes it;
  - the smallest heap, in bytes, at which each 32-bit MicroPython (1.17, as
    NumWorks ships, and 1.27) runs the file and prints exactly what CPython
    prints for it: `-X heapsize=N`, found by bisection.

The MicroPython binaries are looked for in $NN_PURE_MICROPYTHON_DIR, else in
../shared/tools/micropython beside this clone (their README says how they
were built). Without them the heap lines say "not measured". Standard
library only. The README's figures are compared with these by the tests
(test_readme.py): a test fails when they differ.

Output, one figure per line, in a fixed format:

    calculator post: 3,422 bytes
    calculator xor-hidden-4: 4,158 bytes
    heap post micropython-1.17-32: 12,345 bytes
    ...
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NN_PURE = os.path.join(ROOT, "nn_pure.py")

# name -> the flags of `python nn_pure.py --calculator ...`
FILES = [("post", []), ("xor-hidden-4", ["--table", "xor", "--hidden", "4"])]
MICROPYTHONS = ["micropython-1.17-32", "micropython-1.27-32"]
LOW, HIGH = 1024, 1024 * 1024  # the heaps the bisection searches between


def micropython_dir():
    """Where the 32-bit MicroPython binaries are, or None."""
    folder = os.environ.get("NN_PURE_MICROPYTHON_DIR") or os.path.join(
        os.path.dirname(ROOT), "shared", "tools", "micropython")
    return folder if os.path.isdir(folder) else None


def micropython(name):
    """The path of one MicroPython binary that runs here, or None."""
    folder = micropython_dir()
    if folder is None:
        return None
    path = os.path.join(folder, name)
    try:
        subprocess.run([path, "-c", "print(1)"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return None  # absent, or no 32-bit C library to run it
    return path


def calculator_text(flags):
    """What `python nn_pure.py --calculator FLAGS` prints, as bytes."""
    return subprocess.run([sys.executable, NN_PURE, "--calculator"] + flags,
                          stdout=subprocess.PIPE, check=True).stdout


def cpython_output(path):
    """What CPython prints running the calculator file at path."""
    return subprocess.run([sys.executable, path], stdout=subprocess.PIPE,
                          check=True).stdout


def runs_at(binary, path, heap, expected):
    """True when binary, with a heap of `heap` bytes, prints `expected`."""
    done = subprocess.run([binary, "-X", "heapsize=%d" % heap, path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=600)
    return done.returncode == 0 and done.stdout == expected


def smallest_heap(binary, path, expected):
    """The smallest heap (bytes) at which binary runs path as CPython does,
    by bisection between LOW and HIGH."""
    low, high = LOW, HIGH  # runs_at(low) is False, runs_at(high) True
    if runs_at(binary, path, low, expected) or not runs_at(
            binary, path, high, expected):
        raise RuntimeError("%s on %s: no smallest heap between %d and %d"
                           % (binary, path, low, high))
    while high - low > 1:
        middle = (low + high) // 2
        if runs_at(binary, path, middle, expected):
            high = middle
        else:
            low = middle
    return high


def figures():
    """[(label, bytes or None)] in the printed order."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, flags in FILES:
            text = calculator_text(flags)
            results.append(("calculator %s" % name, len(text)))
            paths[name] = os.path.join(folder, "nn_calc_%s.py" % name)
            with open(paths[name], "wb") as out:
                out.write(text)
        for name, _ in FILES:
            expected = cpython_output(paths[name])
            for binary_name in MICROPYTHONS:
                binary = micropython(binary_name)
                results.append((
                    "heap %s %s" % (name, binary_name),
                    smallest_heap(binary, paths[name], expected)
                    if binary else None))
    return results


def main():
    for label, value in figures():
        print("%s: %s" % (label, "not measured (no MicroPython here)"
                          if value is None else "{:,} bytes".format(value)))


if __name__ == "__main__":
    main()
