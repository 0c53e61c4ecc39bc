package extract

import (
	"fmt"
	"strings"
	"testing"
)

// clFormats are the formats extractCLike reads, indexed by the fuzzer.
var clFormats = []Format{FormatJavaScript, FormatJava, FormatKotlin, FormatCSharp, FormatPHP, FormatRust, FormatSwift}

// clFuzzSnippets are extra seeds with hostile shapes.
var clFuzzSnippets = []string{
	"`${`${`${\"x\"}`}`}`",
	"\"\\",
	"'\\u{110000}'",
	"<a b={<c d='e'>{\"f\"}</c>}>g</a>",
	"<?php \"{$a[\"b\"]} $c->d ${e}\" <<<'X'\nX;",
	"r###\"x\"## \"#\"###",
	"#\"\"\"\n  a \\#(b)\n  \"\"\"#",
	"$$\"\"\"\n  {{x}}\n  \"\"\"",
	"\"\"\"\n\t a\\\n b \\s\n \"\"\"",
	"/* /* */ \"x\" */ \"y\"",
	"x = a / b / \"c\" / /d\"/g",
	"\xff\xfe\x00\"\x00\"",
	"\"a\r\nb\"`c\rd`",
}

func FuzzExtractCLike(f *testing.F) {
	seed := func(format Format, src string) {
		for i, cf := range clFormats {
			if cf == format {
				f.Add(uint8(i), []byte(src))
			}
		}
	}
	for format, cases := range map[Format][]clCase{
		FormatJavaScript: clJSCases, FormatJava: clJavaCases, FormatKotlin: clKotlinCases, FormatCSharp: clCSharpCases,
		FormatPHP: clPHPCases, FormatRust: clRustCases, FormatSwift: clSwiftCases,
	} {
		for _, tc := range cases {
			seed(format, tc.src)
		}
	}
	for _, src := range clFuzzSnippets {
		for i := range clFormats {
			f.Add(uint8(i), []byte(src))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		format := clFormats[int(which)%len(clFormats)]
		lits := extractCLike(format, src)
		clCheckInvariants(t, src, lits)
		for _, l := range lits {
			if l.Quote == "" || l.Path != nil || l.URL {
				t.Fatalf("%s: bad literal %+v", format, l)
			}
		}
	})
}

func FuzzExtractGo(f *testing.F) {
	for _, tc := range goTestCases {
		f.Add([]byte(tc.src))
	}
	for _, src := range clFuzzSnippets {
		f.Add([]byte("package p\nvar x = " + src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lits := extractGo(src)
		clCheckInvariants(t, src, lits)
		goCheckValues(t, src, lits)
	})
}

// TestHostileInput feeds every extractor shapes that must neither panic
// nor hang: deep nesting, long runs of openers, binary noise.
func TestHostileInput(t *testing.T) {
	var inputs [][]byte
	for _, unit := range []string{"${`", "`${", "<a>{", "(", "[", "{", "\\(\"", "#\"", "/*", "<?php ", "'", "\"\"\""} {
		b := make([]byte, 0, 40000)
		for len(b) < 30000 {
			b = append(b, unit...)
		}
		inputs = append(inputs, b)
	}
	inputs = append(inputs, []byte(strings.Repeat("(", 20000)+strings.Repeat("]", 20000)+`"s"`))
	noise := make([]byte, 1<<16)
	x := uint32(2463534242)
	for i := range noise {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		noise[i] = byte(x)
	}
	inputs = append(inputs, noise)
	for _, in := range inputs {
		for _, format := range clFormats {
			t.Run(fmt.Sprintf("%s/%.8q", format, in), func(t *testing.T) {
				clCheckInvariants(t, in, extractCLike(format, in))
			})
		}
		clCheckInvariants(t, in, extractGo(in))
	}
}
