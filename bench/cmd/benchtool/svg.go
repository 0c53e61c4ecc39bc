package main

import (
	"bytes"
	"fmt"
	"html"
	"strings"
)

// chart draws one horizontal bar per budget: the share of the budget the
// measured figure uses, with a line at 100%. Bars past 150% are cut and
// marked.
func chart(r *results) []byte {
	type bar struct {
		label string
		share float64
		note  string
	}
	var bars []bar
	for _, rw := range rows {
		s, ok := rw.share(r)
		if !ok {
			continue
		}
		v := r.num[rw.key]
		note := figure(v, rw.unit)
		if x, ok := rw.ratio(r); ok {
			note = fmt.Sprintf("%.2f×", x)
			if rw.faster {
				note = fmt.Sprintf("%.0f× faster", x)
			}
		}
		// Markdown code quotes mean nothing in a picture.
		bars = append(bars, bar{strings.ReplaceAll(rw.what, "`", ""), s, note})
	}
	const (
		labelW = 430.0
		plotW  = 360.0
		rowH   = 26.0
		top    = 40.0
		limit  = 1.5 // the plot's right edge, as a share
	)
	width := labelW + plotW + 130
	height := top + rowH*float64(len(bars)) + 40
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="10" y="22" font-size="14" font-weight="bold">Share of each DESIGN §8 budget used (shorter is better; the line is the budget)</text>`+"\n")
	x0 := labelW
	for i, br := range bars {
		y := top + rowH*float64(i)
		w := min(br.share, limit) / limit * plotW
		color := "#2e8b57"
		if br.share > 1 {
			color = "#c0392b"
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%s</text>`+"\n", x0-8, y+rowH*0.62, html.EscapeString(br.label))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", x0, y+4, max(w, 1), rowH-8, color)
		note := fmt.Sprintf("%.0f%% (%s)", br.share*100, br.note)
		if br.share > limit {
			note = "› " + note
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", x0+w+6, y+rowH*0.62, html.EscapeString(note))
	}
	lineX := x0 + plotW/limit
	bottom := top + rowH*float64(len(bars))
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#333" stroke-dasharray="4 3"/>`+"\n", lineX, top, lineX, bottom)
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle">100%%</text>`+"\n", lineX, bottom+16)
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle">0</text>`+"\n", x0, bottom+16)
	b.WriteString("</svg>\n")
	return b.Bytes()
}
