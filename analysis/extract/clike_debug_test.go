package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(p)
	f := FormatOf(p)
	var lits []Literal
	if f == FormatGo {
		lits = extractGo(src)
	} else {
		lits = extractCLike(f, src)
	}
	for _, l := range lits {
		fmt.Printf("%d-%d %q q=%s key=%q call=%q list=%d partial=%v offs=%v\n", l.Span.Start, l.Span.End, l.Value, l.Quote, l.Key, l.Call, l.List, l.Partial, l.Offsets != nil)
	}
}
