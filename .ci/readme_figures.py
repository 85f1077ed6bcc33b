"""The calculator figures of tests/README.md, measured: run
`python3 .ci/readme_figures.py`.

For the two calculator files the README shows, the post's lesson
(`python3 nn_pure.py --calculator`) and the XOR lesson (`--calculator --table
xor --hidden 4`), it prints:

  - the file's size in bytes, as `--calculator` writes it;
  - the smallest heap, in bytes, at which each 32-bit MicroPython (1.17, as
    NumWorks ships, and 1.27) runs the file and prints exactly what CPython
    prints for it: `-X heapsize=N`, found by bisection.

Each file is run as NumWorks runs a script, imported: `micropython -m
nn_calc` from the file's folder, with MICROPYPATH=. so that sys.path is
['', '.'] on every machine. (Run as `micropython /some/folder/nn_calc.py`,
the heap it needs grows with the length of that folder's full path, which
MicroPython puts in sys.path, and of $HOME's.)

The MicroPython binaries are looked for in $NN_PURE_MICROPYTHON_DIR, else in
../shared/tools/micropython beside this clone (their README says how they
were built). Without them the heap lines say "not measured". Standard
library only. (The tests check that the files run in the heaps the README
promises: 20 KiB and 64 KiB.) It takes minutes: the XOR lesson runs 60,000 iterations each try.

Output, one figure per line, in this fixed format (N: a number with commas):

    calculator post: N bytes
    calculator xor-hidden-4: N bytes
    heap post micropython-1.17-32: N bytes
    heap post micropython-1.27-32: N bytes
    heap xor-hidden-4 micropython-1.17-32: N bytes
    heap xor-hidden-4 micropython-1.27-32: N bytes
"""

import os
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NN_PURE = os.path.join(ROOT, "nn_pure.py")

# name -> the flags of `python3 nn_pure.py --calculator ...`
FILES = [("post", []), ("xor-hidden-4", ["--table", "xor", "--hidden", "4"])]
MICROPYTHONS = ["micropython-1.17-32", "micropython-1.27-32"]
FIRST, MOST = 4096, 1024 * 1024  # the first heap tried, and the largest


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
    """What `python3 nn_pure.py --calculator FLAGS` prints, as bytes."""
    return subprocess.run([sys.executable, NN_PURE, "--calculator"] + flags,
                          stdout=subprocess.PIPE, check=True).stdout


def cpython_output(path):
    """What CPython prints running the calculator file at path."""
    return subprocess.run([sys.executable, path], stdout=subprocess.PIPE,
                          check=True).stdout


def runs_at(binary, folder, heap, expected):
    """True when binary, with a heap of `heap` bytes, runs folder/nn_calc.py
    (imported: -m nn_calc, from folder) and prints `expected`."""
    done = subprocess.run([binary, "-X", "heapsize=%d" % heap, "-m",
                           "nn_calc"], cwd=folder, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600,
                          env=dict(os.environ, MICROPYPATH="."))
    return done.returncode == 0 and done.stdout == expected


def smallest_heap(binary, folder, expected):
    """The smallest heap (bytes) at which binary runs folder/nn_calc.py as
    CPython does: double from FIRST until it runs, then bisect."""
    low, high = 0, FIRST  # runs_at(low) is False, runs_at(high) True
    while not runs_at(binary, folder, high, expected):
        low, high = high, 2 * high
        if high > MOST:
            raise RuntimeError("%s: %s/nn_calc.py does not run in %d bytes"
                               % (binary, folder, MOST))
    while high - low > 1:
        middle = (low + high) // 2
        if runs_at(binary, folder, middle, expected):
            high = middle
        else:
            low = middle
    return high


def write_calculator_files(folder):
    """Write each file as folder/NAME/nn_calc.py; [(label, size)] and
    {name: its folder}."""
    sizes, folders = [], {}
    for name, flags in FILES:
        text = calculator_text(flags)
        sizes.append(("calculator %s" % name, len(text)))
        folders[name] = os.path.join(folder, name)
        os.mkdir(folders[name])
        with open(os.path.join(folders[name], "nn_calc.py"), "wb") as out:
            out.write(text)
    return sizes, folders


def figures():
    """[(label, bytes or None)] in the printed order. The four bisections
    run side by side, each in a thread of its own (they wait on processes)."""
    with tempfile.TemporaryDirectory() as folder:
        results, folders = write_calculator_files(folder)
        heaps, errors, threads = {}, [], []
        for name, _ in FILES:
            expected = cpython_output(os.path.join(folders[name],
                                                   "nn_calc.py"))
            for binary_name in MICROPYTHONS:
                label = "heap %s %s" % (name, binary_name)
                results.append((label, None))
                binary = micropython(binary_name)
                if binary is None:
                    continue

                def measure(label=label, binary=binary, name=name,
                            expected=expected):
                    try:
                        heaps[label] = smallest_heap(binary, folders[name],
                                                     expected)
                    except Exception as error:  # raised again below
                        errors.append(error)
                threads.append(threading.Thread(target=measure))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
    return [(label, heaps.get(label, value)) for label, value in results]


def main():
    for label, value in figures():
        print("%s: %s" % (label, "not measured (no MicroPython here)"
                          if value is None else "{:,} bytes".format(value)))


if __name__ == "__main__":
    main()
