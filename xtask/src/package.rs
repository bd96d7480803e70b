//! The npm package of the WebAssembly bindings (`target/npm/medbill-VERSION.tgz`) and the
//! checks that use it as a project would: installed from the tarball into a scratch project,
//! imported from Node as an ES module, type-checked by tsc through its `exports`, and bundled
//! by esbuild for the page headless Chromium runs (`bindings-wasm/tests/browser.mjs`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::suites::{WASM_MODULES, WasmModule};
use crate::{Env, run};

/// The package's hand-written files: the manifest and the README. (The Node entries are
/// written by [`node_entry`], one per module.)
const OWN: &[&str] = &["package.json", "README.md"];

/// The Node entry of a module (`node.js` for the main one, `x12-node.js`, …) and its text: the
/// same ES module as for browsers and bundlers, its WebAssembly compiled from the file beside it
/// when first imported (Node has no fetch of file: URLs); `init()` is then a no-op, so code
/// written for the browser (`await init()`) runs unchanged.
fn node_entry(module: &WasmModule) -> (String, String) {
    let stem = module.stem();
    let (file, name) = match module.subpath {
        "." => ("node.js".to_owned(), "medbill".to_owned()),
        sub => (format!("{sub}-node.js"), format!("medbill/{sub}")),
    };
    let text = format!(
        "// Node entry of `{name}` (written by `cargo xtask`): {stem}.js with its\n\
         // WebAssembly compiled from the file beside it when first imported; `init()` is then a no-op.\n\
         import {{ readFileSync }} from 'node:fs';\n\
         import {{ initSync }} from './{stem}.js';\n\n\
         const exports = initSync({{ module: readFileSync(new URL('./{stem}_bg.wasm', import.meta.url)) }});\n\n\
         export * from './{stem}.js';\n\
         /** Already initialised in Node: resolves at once to the module's exports. */\n\
         export default async function init() {{\n  return exports;\n}}\n"
    );
    (file, text)
}

/// Where the scratch project that installs the tarball lives; its `dist/` is the bundled page.
pub(crate) fn consumer_dir(env: &Env) -> PathBuf {
    env.target.join("npm-consumer")
}

/// Assembles the package from the web build (`target/wasm/web`, which `wasm_build` made) and
/// packs it with `npm pack`; returns the tarball.
pub(crate) fn pack(env: &Env) -> Result<PathBuf> {
    let manifest = std::fs::read_to_string(env.root.join("bindings-wasm/npm/package.json"))?;
    let version = env!("CARGO_PKG_VERSION");
    if !manifest.contains(&format!("\"version\": \"{version}\"")) {
        bail!(
            "bindings-wasm/npm/package.json must say \"version\": \"{version}\" (the workspace version)"
        );
    }
    let dir = env.target.join("npm").join("medbill");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let web = env.target.join("wasm").join("web");
    let manifest: serde_json::Value = serde_json::from_str(&manifest)?;
    for module in WASM_MODULES {
        let stem = module.stem();
        for file in [
            format!("{stem}.js"),
            format!("{stem}.d.ts"),
            format!("{stem}_bg.wasm"),
        ] {
            std::fs::copy(web.join(&file), dir.join(&file)).with_context(|| {
                format!("copying {file} from the web build (run the wasm build first)")
            })?;
        }
        let (file, text) = node_entry(module);
        std::fs::write(dir.join(&file), text)?;
        // The manifest must export the module under its subpath, Node entry first.
        let key = match module.subpath {
            "." => ".".to_owned(),
            sub => format!("./{sub}"),
        };
        let exported = &manifest["exports"][&key];
        if exported["node"] != format!("./{file}") || exported["default"] != format!("./{stem}.js")
        {
            bail!(
                "bindings-wasm/npm/package.json must export {key} (node ./{file}, default ./{stem}.js)"
            );
        }
    }
    // wasm-bindgen's JS snippets (the strict JSON text conversion of `error.rs`), which the
    // glue imports by relative path.
    copy_tree(&web.join("snippets"), &dir.join("snippets"))?;
    for file in OWN {
        std::fs::copy(
            env.root.join("bindings-wasm/npm").join(file),
            dir.join(file),
        )
        .with_context(|| format!("copying bindings-wasm/npm/{file}"))?;
    }
    let out = env.target.join("npm");
    run(env
        .cmd("npm")
        .current_dir(&dir)
        .args(["pack", "--silent", "--pack-destination"])
        .arg(&out))?;
    let tarball = out.join(format!("medbill-{version}.tgz"));
    let bytes = std::fs::metadata(&tarball)
        .with_context(|| format!("npm pack made no {}", tarball.display()))?
        .len();
    println!("npm package: {} ({bytes} bytes)", tarball.display());
    Ok(tarball)
}

/// Installs the tarball into a fresh scratch project, runs the scenarios from Node through
/// `import 'medbill'`, type-checks a TypeScript use of it, and bundles the browser page with
/// esbuild into `dist/` (the `.wasm` files copied beside the bundle, as the README says).
pub(crate) fn use_it(env: &Env, tarball: &Path) -> Result<()> {
    let scratch = consumer_dir(env);
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    std::fs::create_dir_all(&scratch)?;
    std::fs::write(
        scratch.join("package.json"),
        "{ \"name\": \"medbill-consumer\", \"private\": true, \"type\": \"module\" }\n",
    )?;
    run(env
        .cmd("npm")
        .current_dir(&scratch)
        .args(["install", "--no-audit", "--no-fund", "--offline"])
        .arg(tarball))?;
    let tests = env.root.join("bindings-wasm/tests");
    for (from, to) in [
        ("package/node-consumer.mjs", "node-consumer.mjs"),
        ("package/consumer.ts", "consumer.ts"),
        ("package/bundle-entry.mjs", "bundle-entry.mjs"),
        ("scenarios.mjs", "scenarios.mjs"),
    ] {
        std::fs::copy(tests.join(from), scratch.join(to))
            .with_context(|| format!("copying bindings-wasm/tests/{from}"))?;
    }
    // (a) Node, as an ES module.
    run(env
        .cmd("node")
        .current_dir(&scratch)
        .arg("node-consumer.mjs")
        .env("MEDBILL_REPO", &env.root))?;
    // (b) tsc through the package's `exports` (both the main module and `medbill/print`).
    std::fs::write(
        scratch.join("tsconfig.json"),
        r#"{ "compilerOptions": { "strict": true, "noEmit": true, "skipLibCheck": false,
  "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler",
  "lib": ["ES2022", "ESNext.Disposable", "DOM"], "types": [] }, "files": ["consumer.ts"] }
"#,
    )?;
    run(env
        .cmd(env.node_bin("tsc"))
        .current_dir(&scratch)
        .args(["-p", "tsconfig.json"]))?;
    // (c) esbuild, for the page browser.mjs opens.
    let dist = scratch.join("dist");
    run(env
        .cmd(env.node_bin("esbuild"))
        .current_dir(&scratch)
        .args([
            "bundle-entry.mjs",
            "--bundle",
            "--format=esm",
            "--splitting",
            "--platform=browser",
            "--target=es2022",
            "--outdir=dist",
            "--log-level=warning",
        ]))?;
    copy_wasm(&scratch.join("node_modules").join("medbill"), &dist)?;
    std::fs::copy(tests.join("package/bundle.html"), dist.join("index.html"))?;
    let bundled: u64 = std::fs::read_dir(&dist)?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "js"))
        .filter_map(|entry| entry.metadata().ok())
        .map(|meta| meta.len())
        .sum();
    println!(
        "esbuild bundle: {} ({bundled} bytes of JavaScript)",
        dist.display()
    );
    Ok(())
}

/// Where the browser example is built (`examples/browser`, from the installed package).
pub(crate) fn app_dir(env: &Env) -> PathBuf {
    env.target.join("browser-app")
}

/// Builds the browser example as its developer would, from the package `use_it` installed:
/// `examples/browser` and the sample data it bundles are copied beside the scratch project's
/// `node_modules` (so `import 'medbill'` resolves to the installed tarball), tsc checks it
/// (strict, no emit), and esbuild bundles it, with the sample files inlined, into
/// `target/browser-app` beside its page, style and the package's `.wasm` files.
pub(crate) fn browser_app(env: &Env) -> Result<PathBuf> {
    let scratch = consumer_dir(env);
    let installed = scratch.join("node_modules").join("medbill");
    if !installed.exists() {
        bail!(
            "the npm package is not installed in {} (run the npm package step first)",
            scratch.display()
        );
    }
    let sources = scratch.join("examples");
    if sources.exists() {
        std::fs::remove_dir_all(&sources)?;
    }
    for dir in ["browser", "data"] {
        copy_tree(&env.root.join("examples").join(dir), &sources.join(dir))?;
    }
    let example = sources.join("browser");
    run(env
        .cmd(env.node_bin("tsc"))
        .current_dir(&example)
        .args(["-p", "tsconfig.json"]))?;
    let out = app_dir(env);
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    run(env
        .cmd(env.node_bin("esbuild"))
        .current_dir(&example)
        .args([
            "src/main.ts",
            "--bundle",
            "--format=esm",
            "--splitting",
            "--platform=browser",
            "--target=es2022",
            "--loader:.835=text",
            "--loader:.csv=binary",
            "--loader:.txt=binary",
            "--log-level=warning",
        ])
        .arg(format!("--outdir={}", out.display())))?;
    for file in ["index.html", "app.css"] {
        std::fs::copy(example.join(file), out.join(file))?;
    }
    copy_wasm(&installed, &out)?;
    println!("browser example: {}", out.display());
    Ok(out)
}

/// Builds the Python wheel with maturin (UniFFI bindings, the dev profile: CI checks the
/// wheel's making and use, not its speed), installs it into a fresh virtual environment, and
/// runs the scenarios and `examples/python` with that environment's Python and nothing else.
pub(crate) fn python_wheel(env: &Env) -> Result<()> {
    let wheels = env.target.join("wheels");
    if wheels.exists() {
        std::fs::remove_dir_all(&wheels)?;
    }
    run(env
        .cmd(crate::setup::maturin_bin(env))
        .args([
            "build",
            "--manifest-path",
            "bindings-uniffi/Cargo.toml",
            "--profile",
            "dev",
            // Not --strip: the UniFFI metadata uniffi-bindgen reads lives in the library's
            // symbols, and a stripped library has none to generate the Python module from.
            "--quiet",
            "--out",
        ])
        .arg(&wheels))?;
    let wheel = std::fs::read_dir(&wheels)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| path.extension().is_some_and(|e| e == "whl"))
        .with_context(|| format!("maturin made no wheel in {}", wheels.display()))?;
    println!(
        "Python wheel: {} ({} bytes)",
        wheel.display(),
        std::fs::metadata(&wheel)?.len()
    );
    let venv = env.target.join("py-consumer");
    if venv.exists() {
        std::fs::remove_dir_all(&venv)?;
    }
    run(env.cmd("python3").args(["-m", "venv"]).arg(&venv))?;
    let python = venv.join("bin").join("python");
    run(env
        .cmd(&python)
        .args(["-m", "pip", "install", "-q", "--no-index"])
        .arg(&wheel))?;
    // Away from the repository's generated bindings: only the wheel can be imported.
    let elsewhere = env.target.join("tmp").join("nowhere");
    run(env
        .cmd(&python)
        .arg("bindings-uniffi/tests/python/test_scenarios.py")
        .env("MEDBILL_PYTHON_INSTALLED", "1")
        .env("MEDBILL_UNIFFI_DIR", &elsewhere))?;
    run(env
        .cmd(&python)
        .arg("examples/python/main.py")
        .env("MEDBILL_UNIFFI_DIR", &elsewhere))
}

/// Copies every module's `.wasm` from the installed package to beside a bundle (esbuild leaves
/// the glue's `new URL('…_bg.wasm', import.meta.url)` as is).
fn copy_wasm(installed: &Path, to: &Path) -> Result<()> {
    for module in WASM_MODULES {
        let file = format!("{}_bg.wasm", module.stem());
        std::fs::copy(installed.join(&file), to.join(&file))
            .with_context(|| format!("copying {file} from {}", installed.display()))?;
    }
    Ok(())
}

/// Copies a directory tree.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
