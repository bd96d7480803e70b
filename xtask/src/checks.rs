//! Checks of the repository's own sources that no compiler makes.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::Env;

/// Folders that exist on one machine and not on another: a source that names one can pass
/// where it was written and fail everywhere else.
/// (Written without their leading slash so this file does not name them itself.)
const MACHINE_FOLDERS: [&str; 9] = [
    "tmp", "var/tmp", "home", "root", "work", "Users", "mnt", "private", "opt",
];

/// Source files by ending: the languages the tests, examples and tools are written in.
const SOURCE_ENDINGS: [&str; 9] = [
    ".rs", ".mjs", ".js", ".ts", ".py", ".kt", ".swift", ".sh", ".toml",
];

/// Fails when a source file quotes an absolute path into a machine folder (the system's
/// temporary folder, a home folder, …): tests write into a temporary folder they create, or
/// under `target/`.
pub(crate) fn no_machine_paths(env: &Env) -> Result<()> {
    let listing = crate::output_of(env.cmd("git").args([
        "ls-files",
        "--cached",
        "--others",
        "--exclude-standard",
    ]))
    .context("git ls-files failed: the check needs a git checkout")?;
    let mut offences = Vec::new();
    let mut checked = 0usize;
    for file in listing.lines() {
        if !SOURCE_ENDINGS.iter().any(|e| file.ends_with(e)) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(env.root.join(file)) else {
            continue;
        };
        checked += 1;
        offences.extend(
            machine_paths(&text)
                .into_iter()
                .map(|(line, path)| format!("{file}:{line}: {path}")),
        );
    }
    if !offences.is_empty() {
        bail!(
            "sources name folders of one machine (write into a temp dir the test creates, or under target/):\n  {}",
            offences.join("\n  ")
        );
    }
    println!("{checked} source files name no machine folder");
    Ok(())
}

/// Each quoted absolute path into a machine folder in `text`, with its 1-based line.
pub(crate) fn machine_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        for (at, quote) in line
            .char_indices()
            .filter(|(_, c)| matches!(c, '"' | '\'' | '`'))
        {
            let rest = &line[at + quote.len_utf8()..];
            let named = MACHINE_FOLDERS.iter().find(|folder| {
                rest.strip_prefix('/')
                    .and_then(|r| r.strip_prefix(*folder))
                    .is_some_and(|after| {
                        after.is_empty() || after.starts_with(['/', '"', '\'', '`'])
                    })
            });
            if named.is_some() {
                let end = rest.find(['"', '\'', '`']).unwrap_or(rest.len());
                found.push((number + 1, rest[..end].to_owned()));
            }
        }
    }
    found
}

/// A fresh, empty temporary folder under `target/` for the test steps (TMPDIR), so no test
/// depends on what an earlier run left in the machine's temporary folder.
pub(crate) fn fresh_temp_dir(target: &Path) -> Result<std::path::PathBuf> {
    let dir = target.join("test-tmp");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::machine_paths;

    #[test]
    fn finds_quoted_machine_folders_only() {
        // Built from pieces so that this file does not quote a machine folder itself.
        let source = [
            "std::fs::write(format!(\"/",
            "tmp/w837/{name}\"), b);\n",
            "let home = '/",
            "home/me/x.json';\n",
            "let pointer = \"/totalCharge\";\n",
            "#!/usr/bin/env bash\n",
            "let jna = \"/usr/share/java/jna.jar\";\n",
            "let w = `/",
            "work`;\n",
            "let tmpl = \"/tmpl/x\";\n",
        ]
        .concat();
        let found = machine_paths(&source);
        let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [1, 2, 6], "{found:?}");
        assert_eq!(found[0].1, ["/", "tmp/w837/{name}"].concat());
    }
}
