package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/analysis"
)

// defaultMaxFileSize is the largest document checked unless the settings
// say otherwise.
const defaultMaxFileSize = 10 << 20

// settings are the editor's settings for scopels, from initializationOptions
// and workspace/didChangeConfiguration. Either the object itself or one
// nested under "scopels" is accepted:
//
//	{
//	  "severity": {"broad-scope": "off", "duplicate-scope": "info"},
//	  "disabled": ["redundant-scope"],
//	  "maxFileSize": 10485760,
//	  "providers": {"acme": {"title": "Acme API", "scopes": {"api.read": "Read"}}},
//	  "pullDiagnostics": true
//	}
//
// severity and providers take the shape of the project file's keys and act
// as an outermost project file: a .scopels.yaml overrides them key by key.
// disabled always applies.
type settings struct {
	Severity        map[string]string `json:"severity,omitempty"`
	Disabled        []string          `json:"disabled,omitempty"`
	MaxFileSize     int64             `json:"maxFileSize,omitempty"`
	Providers       json.RawMessage   `json:"providers,omitempty"`
	PullDiagnostics *bool             `json:"pullDiagnostics,omitempty"`
}

func defaultSettings() settings { return settings{} }

// parseSettings reads settings from raw JSON (null or empty gives the
// defaults).
func parseSettings(raw []byte) (settings, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return defaultSettings(), nil
	}
	var wrapper struct {
		Scopels json.RawMessage `json:"scopels"`
	}
	if err := json.Unmarshal(raw, &wrapper); err != nil {
		return defaultSettings(), fmt.Errorf("settings: %w", err)
	}
	if len(wrapper.Scopels) > 0 && !bytes.Equal(wrapper.Scopels, []byte("null")) {
		raw = wrapper.Scopels
	}
	var s settings
	if err := json.Unmarshal(raw, &s); err != nil {
		return defaultSettings(), fmt.Errorf("settings: %w", err)
	}
	if s.MaxFileSize < 0 {
		return defaultSettings(), fmt.Errorf("settings: maxFileSize %d is negative", s.MaxFileSize)
	}
	return s, nil
}

// maxFileSize returns the size limit in bytes.
func (s settings) maxFileSize() int64 {
	if s.MaxFileSize > 0 {
		return s.MaxFileSize
	}
	return defaultMaxFileSize
}

// pullDiagnostics reports whether pull diagnostics (textDocument/diagnostic)
// are offered to clients that support them. They are off unless turned on:
// the server always pushes, and a client that both receives pushes and
// pulls (VS Code's, Neovim 0.10+) shows every finding twice.
func (s settings) pullDiagnostics() bool {
	return s.PullDiagnostics != nil && *s.PullDiagnostics
}

// filter returns the analyzers not disabled by the settings.
func (s settings) filter(as []*analysis.Analyzer) []*analysis.Analyzer {
	if len(s.Disabled) == 0 {
		return as
	}
	out := make([]*analysis.Analyzer, 0, len(as))
	for _, a := range as {
		if !slices.Contains(s.Disabled, a.Code) {
			out = append(out, a)
		}
	}
	return out
}

// projectJSON returns the settings that take the project file's shape as
// a project file document (JSON is YAML), or nil when there are none.
func (s settings) projectJSON() []byte {
	if len(s.Severity) == 0 && len(s.Providers) == 0 {
		return nil
	}
	doc := map[string]any{}
	if len(s.Severity) > 0 {
		doc["severity"] = s.Severity
	}
	if len(s.Providers) > 0 {
		doc["providers"] = s.Providers
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return nil
	}
	return data
}

// DidChangeConfiguration applies new settings. A client that sends no
// settings object (the pull model) is asked for the "scopels" section.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	raw := bytes.TrimSpace(params.Settings)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) || bytes.Equal(raw, []byte("{}")) {
		if s.clientCaps().configuration {
			s.goClient(s.pullConfiguration)
		}
		return nil
	}
	set, err := parseSettings(raw)
	if err != nil {
		s.log.Warn("ignoring malformed settings", "err", err)
		return nil
	}
	s.applySettings(set)
	return nil
}

// pullConfiguration asks the client for the "scopels" section.
func (s *Server) pullConfiguration(ctx context.Context) {
	section := "scopels"
	res, err := s.client.Configuration(ctx, &protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: &section}}})
	if err != nil {
		s.log.Warn("workspace/configuration failed", "err", err)
		return
	}
	if len(res) == 0 {
		return
	}
	set, err := parseSettings(res[0])
	if err != nil {
		s.log.Warn("ignoring malformed settings", "err", err)
		return
	}
	s.applySettings(set)
}

// applySettings installs settings and re-checks every open document.
func (s *Server) applySettings(set settings) {
	s.mu.Lock()
	s.settings = set
	s.mu.Unlock()
	s.projects.setSettings(set)
	s.log.Info("settings changed")
	s.refreshAll()
}
