#!/bin/sh
# Install mkt from a release: the archive for this OS and architecture, checked against the
# release's checksums.txt before anything is unpacked. Used by action.yml; works on its own:
#
#   curl -fsSL https://raw.githubusercontent.com/mkt-cli/mkt/main/scripts/install.sh | sh -s -- 1.4.0 ~/.local/bin
#
# Arguments: VERSION (1.4.0, v1.4.0 or latest; default latest) and DIR (default ./bin).
# Environment: MKT_INSTALL_BASE_URL — where releases are (default
# https://github.com/mkt-cli/mkt/releases); a directory path or file:// URL works too (tests,
# mirrors). GITHUB_TOKEN, when set, is sent to github.com only (rate limits on shared runners).
# Exit status: 0 installed; 1 download or checksum failure (nothing installed); 2 bad usage or
# an unsupported platform.
set -eu

version=${1:-latest}
dir=${2:-./bin}
base=${MKT_INSTALL_BASE_URL:-https://github.com/mkt-cli/mkt/releases}
base=${base%/}

fail() { echo "mkt install: $*" >&2; exit 1; }
usage() { echo "mkt install: $*" >&2; exit 2; }

os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $os in
linux | darwin) ext=tar.gz ;;
mingw* | msys* | cygwin* | windows*) os=windows ext=zip ;;
*) usage "unsupported operating system: $os (linux, darwin and windows have releases)" ;;
esac
arch=$(uname -m)
case $arch in
x86_64 | amd64) arch=x86_64 ;;
aarch64 | arm64) arch=arm64 ;;
*) usage "unsupported architecture: $arch (x86_64 and arm64 have releases)" ;;
esac

# fetch URL FILE: copy one release file (http(s), file:// or a plain path).
fetch() {
	case $1 in
	http://* | https://*)
		if command -v curl >/dev/null 2>&1; then
			case $1 in
			https://github.com/* | https://api.github.com/*)
				if [ -n "${GITHUB_TOKEN:-}" ]; then
					curl -fsSL --retry 3 -H "Authorization: Bearer $GITHUB_TOKEN" -o "$2" "$1" && return
					return 1
				fi
				;;
			esac
			curl -fsSL --retry 3 -o "$2" "$1"
		elif command -v wget >/dev/null 2>&1; then
			wget -q -O "$2" "$1"
		else
			usage "neither curl nor wget is installed"
		fi
		;;
	file://*) cp "${1#file://}" "$2" ;;
	*) cp "$1" "$2" ;;
	esac
}

case $version in
latest)
	case $base in
	https://github.com/*)
		# The latest release's tag, from where /releases/latest redirects.
		tag=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "$base/latest") || fail "cannot find the latest release at $base"
		version=${tag##*/}
		;;
	*)
		[ -f "${base#file://}/latest" ] || usage "set a version: $base has no 'latest' file"
		version=$(cat "${base#file://}/latest")
		;;
	esac
	;;
esac
version=${version#v}
case $version in
'' | *[!0-9A-Za-z.+-]*) usage "not a version: $version" ;;
esac

case $base in
https://github.com/*) from="$base/download/v$version" ;;
*) from="$base/v$version" ;;
esac
archive="mkt_${version}_${os}_${arch}.$ext"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fetch "$from/checksums.txt" "$tmp/checksums.txt" || fail "cannot download $from/checksums.txt"
fetch "$from/$archive" "$tmp/$archive" || fail "cannot download $from/$archive"

want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/checksums.txt")
[ -n "$want" ] || fail "checksums.txt has no line for $archive"
if command -v sha256sum >/dev/null 2>&1; then
	got=$(sha256sum "$tmp/$archive" | awk '{print $1}')
else
	got=$(shasum -a 256 "$tmp/$archive" | awk '{print $1}')
fi
[ "$got" = "$want" ] || fail "checksum mismatch for $archive: got $got, want $want (nothing installed)"

mkdir -p "$tmp/x"
case $ext in
tar.gz) tar -xzf "$tmp/$archive" -C "$tmp/x" ;;
zip) unzip -q "$tmp/$archive" -d "$tmp/x" ;;
esac
bin=mkt
[ "$os" = windows ] && bin=mkt.exe
[ -f "$tmp/x/$bin" ] || fail "$archive holds no $bin"
mkdir -p "$dir"
# Written beside the target and renamed: a half-copied binary is never left in DIR.
cp "$tmp/x/$bin" "$dir/.$bin.tmp"
chmod 0755 "$dir/.$bin.tmp"
mv -f "$dir/.$bin.tmp" "$dir/$bin"
echo "mkt $version installed in $dir/$bin" >&2
