//! The Zed extension for scopels: starts `scopels serve` for the languages
//! listed in extension.toml, from `lsp.scopels.binary` in Zed's settings or
//! from PATH, and passes `lsp.scopels.initialization_options` and
//! `lsp.scopels.settings` on to the server.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

/// The binary's name on PATH.
const BINARY: &str = "scopels";

struct Scopels;

impl Scopels {
    /// The user's `lsp.scopels` settings, if any.
    fn settings(id: &LanguageServerId, worktree: &zed::Worktree) -> Option<LspSettings> {
        LspSettings::for_worktree(id.as_ref(), worktree).ok()
    }
}

impl zed::Extension for Scopels {
    fn new() -> Self {
        Scopels
    }

    fn language_server_command(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = Self::settings(id, worktree).and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which(BINARY))
            .ok_or_else(|| {
                "scopels is not on PATH: install it with `go install github.com/scopels/scopels/cmd/scopels@latest` \
                 or set lsp.scopels.binary.path in Zed's settings"
                    .to_string()
            })?;
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["serve".to_string()]);
        let mut env = worktree.shell_env();
        if let Some(extra) = binary.and_then(|b| b.env) {
            env.extend(extra);
        }
        Ok(zed::Command {
            command: path,
            args,
            env,
        })
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        // The server pushes diagnostics; a client that also pulled them would
        // show each twice, so pulling is off unless the user says otherwise.
        let mut options = Self::settings(id, worktree)
            .and_then(|s| s.initialization_options)
            .unwrap_or_else(|| serde_json::json!({}));
        if let Some(map) = options.as_object_mut() {
            map.entry("pullDiagnostics")
                .or_insert(serde_json::Value::Bool(false));
        }
        Ok(Some(options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        // The server asks for its "scopels" section.
        Ok(Self::settings(id, worktree)
            .and_then(|s| s.settings)
            .map(|s| serde_json::json!({ "scopels": s })))
    }
}

zed::register_extension!(Scopels);
