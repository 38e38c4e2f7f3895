# Sourced by testbed-binaries.sh and build-kubelet.sh: the Go wrapper module through which a
# command of k8s.io/kubernetes is built from the module proxy, and the version stamp it gets.
# Expects K8S_VERSION (e.g. v1.34.4) and a log function.

# Writes go.mod and tools.go into <workdir> for wrapper module <name> importing each <package>.
# k8s.io/kubernetes requires its staging repos at v0.0.0 and replaces them with local paths;
# a consumer has to replace each with its published version, v0.<minor>.<patch>.
k8s_wrapper_module() { # <workdir> <module name> <package>...
  local work="$1" name="$2"
  shift 2
  local minor="v0.${K8S_VERSION#v1.}"
  log "preparing wrapper module for k8s.io/kubernetes $K8S_VERSION: $* (staging repos at $minor)"
  cat > "$work/go.mod" <<MOD
module ferry.dev/testbed/$name

go 1.24

require k8s.io/kubernetes $K8S_VERSION
MOD
  local staging
  staging=$(cd "$work" && go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  grep -oE '^\s*k8s.io/[a-z0-9-]+ => ./staging' "$staging" | awk '{print $1}' | sort -u | while read -r m; do
    echo "replace $m => $m $minor" >> "$work/go.mod"
  done
  {
    printf '//go:build tools\n\npackage tools\n\nimport (\n'
    printf '\t_ "%s"\n' "$@"
    printf ')\n'
  } > "$work/tools.go"
}

# -ldflags that make the built binary report K8S_VERSION (as a release build would).
k8s_version_ldflags() {
  echo "-X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$(echo "$K8S_VERSION" | cut -d. -f2)"
}
