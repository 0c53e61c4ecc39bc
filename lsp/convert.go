package lsp

import (
	"fmt"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
)

// This file is the only place where analysis values (byte spans, severities,
// tags, fixes) become protocol values and back.

// encoding is the position encoding negotiated with the client: what a
// Position.Character counts.
type encoding int

const (
	encUTF16 encoding = iota // UTF-16 code units: the LSP default
	encUTF8                  // bytes
)

func (e encoding) kind() protocol.PositionEncodingKind {
	if e == encUTF8 {
		return protocol.PositionEncodingKindUTF8
	}
	return protocol.PositionEncodingKindUTF16
}

// negotiateEncoding picks utf-8 when the client offers it, else utf-16
// (the encoding every client must support).
func negotiateEncoding(caps protocol.ClientCapabilities) encoding {
	if caps.General == nil {
		return encUTF16
	}
	for _, k := range caps.General.PositionEncodings {
		if k == protocol.PositionEncodingKindUTF8 {
			return encUTF8
		}
	}
	return encUTF16
}

// mapper converts between byte offsets of one text and protocol positions.
type mapper struct {
	enc   encoding
	lines *analysis.LineIndex
}

// position returns the protocol position of byte offset off.
func (m mapper) position(off int) protocol.Position {
	var p analysis.Position
	if m.enc == encUTF8 {
		p = m.lines.Position(off)
	} else {
		p = m.lines.PositionUTF16(off)
	}
	return protocol.Position{Line: clampU32(p.Line), Character: clampU32(p.Col)}
}

// rangeOf returns the protocol range of a byte span.
func (m mapper) rangeOf(s analysis.Span) protocol.Range {
	return protocol.Range{Start: m.position(s.Start), End: m.position(s.End)}
}

// offset returns the byte offset of a protocol position. A character past
// the end of its line clamps to the line's end; a line past the end of the
// text is an error (callers decide whether to clamp).
func (m mapper) offset(p protocol.Position) (int, error) {
	ap := analysis.Position{Line: int(p.Line), Col: int(p.Character)}
	var (
		off int
		err error
	)
	if m.enc == encUTF8 {
		off, err = m.lines.Offset(ap)
	} else {
		off, err = m.lines.OffsetUTF16(ap)
	}
	if err != nil {
		return 0, fmt.Errorf("position %d:%d: %w", p.Line, p.Character, err)
	}
	return off, nil
}

// offsetClamped is offset with a line past the end taken as the end of the
// text. It reports whether clamping happened.
func (m mapper) offsetClamped(p protocol.Position) (int, bool) {
	off, err := m.offset(p)
	if err != nil {
		return m.lines.Len(), true
	}
	return off, false
}

// span returns the byte span of a protocol range, clamped to the text and
// ordered.
func (m mapper) span(r protocol.Range) analysis.Span {
	start, _ := m.offsetClamped(r.Start)
	end, _ := m.offsetClamped(r.End)
	if end < start {
		start, end = end, start
	}
	return analysis.Span{Start: start, End: end}
}

func clampU32(n int) uint32 {
	if n < 0 {
		return 0
	}
	if n > 1<<32-1 {
		return 1<<32 - 1
	}
	return uint32(n)
}

// docsBase is where each check code's documentation lives.
const docsBase = "https://github.com/scopels/scopels/blob/main/docs/checks.md#"

// source is the diagnostic source shown by editors.
const source = "scopels"

func toSeverity(s analysis.Severity) protocol.DiagnosticSeverity {
	switch s {
	case analysis.SeverityError:
		return protocol.DiagnosticSeverityError
	case analysis.SeverityWarning:
		return protocol.DiagnosticSeverityWarning
	case analysis.SeverityInfo:
		return protocol.DiagnosticSeverityInformation
	case analysis.SeverityHint:
		return protocol.DiagnosticSeverityHint
	}
	return protocol.DiagnosticSeverityWarning
}

func toTags(tags []analysis.Tag) protocol.DiagnosticTags {
	var out []protocol.DiagnosticTag
	for _, t := range tags {
		switch t {
		case analysis.TagUnnecessary:
			out = append(out, protocol.DiagnosticTagUnnecessary)
		case analysis.TagDeprecated:
			out = append(out, protocol.DiagnosticTagDeprecated)
		}
	}
	return protocol.NewDiagnosticTags(out...)
}

// locator resolves a Related entry that points into another file (the
// project file) to a protocol location.
type locator func(r analysis.Related) (protocol.Location, bool)

// toDiagnostic converts one analysis diagnostic of the document at u.
func toDiagnostic(m mapper, u uri.URI, d *analysis.Diagnostic, other locator) protocol.Diagnostic {
	pd := protocol.Diagnostic{
		Range:    m.rangeOf(d.Span),
		Severity: toSeverity(d.Severity),
		Source:   protocol.NewOptional(source),
		Message:  protocol.String(d.Message),
		Tags:     toTags(d.Tags),
	}
	if d.Code != "" {
		pd.Code = protocol.String(d.Code)
		pd.CodeDescription = protocol.CodeDescription{Href: uri.URI(docsBase + d.Code)}
	}
	for _, r := range d.Related {
		var loc protocol.Location
		if r.Path == "" {
			loc = protocol.Location{URI: u, Range: m.rangeOf(r.Span)}
		} else if l, ok := other(r); ok {
			loc = l
		} else {
			continue
		}
		pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{Location: loc, Message: r.Message})
	}
	return pd
}

// toTextEdits converts edits of the document.
func toTextEdits(m mapper, edits []analysis.Edit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: m.rangeOf(e.Span), NewText: e.NewText})
	}
	return out
}

// diagnosticCode returns the code of a protocol diagnostic, "" when absent.
func diagnosticCode(d *protocol.Diagnostic) string {
	switch c := d.Code.(type) {
	case protocol.String:
		return string(c)
	case protocol.Integer:
		return fmt.Sprint(int32(c))
	}
	return ""
}

// positionLess orders protocol positions.
func positionLess(a, b protocol.Position) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Character < b.Character
}

// rangesTouch reports whether two ranges overlap or touch.
func rangesTouch(a, b protocol.Range) bool {
	return !positionLess(a.End, b.Start) && !positionLess(b.End, a.Start)
}
