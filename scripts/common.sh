# Shared by scripts/up and scripts/test: install what a fresh Debian/Ubuntu machine with only Rust
# lacks, from Debian's packages, using sudo when not root.

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo "==> Installing $* from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# A C linker: rustc links through cc.
need_build_tools() {
    command -v cc >/dev/null 2>&1 || apt_install gcc libc6-dev
}

# The PostgreSQL server binaries (initdb, pg_ctl, postgres) that the private cluster runs on.
need_postgres_binaries() {
    if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        return 0
    fi
    apt_install postgresql
}

# A Python with aiosmtpd, openpyxl and schemathesis (from PyPI), in a virtual environment kept
# between runs: the email tests' SMTP server, an independent reader of the XLSX exports, and the
# contract fuzzer of scripts/fuzz. Exported as LABOUR_TEST_PYTHON.
need_test_python() {
    local venv="${LABOUR_TEST_VENV:-/var/tmp/labour-market-venv}"
    local schemathesis="schemathesis==4.32.5"
    if ! "$venv/bin/python" -c 'import aiosmtpd, openpyxl' >/dev/null 2>&1 ||
        ! "$venv/bin/st" --version 2>/dev/null | grep -q "${schemathesis#*==}"; then
        command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
        echo "==> Installing aiosmtpd, openpyxl and $schemathesis from PyPI into $venv"
        python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$venv"; }
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check aiosmtpd openpyxl \
            "$schemathesis"
    fi
    export LABOUR_TEST_PYTHON="$venv/bin/python"
}

# Debian's chromium and its WebDriver, which the browser tests drive headless.
need_browser() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        return 0
    fi
    apt_install chromium chromium-driver
}
