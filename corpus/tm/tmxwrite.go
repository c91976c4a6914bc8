package tm

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/corpus"
)

// Header is the <header> of a TMX file and the language codes of its
// variants. The zero value is usable: Simplified Chinese (zh-CN) as the
// source, US English (en-US) as the target, no creation date.
type Header struct {
	ZHLang string      // code of the Chinese variant; "" is "zh-CN"
	ENLang string      // code of the English variant; "" is "en-US"
	Source corpus.Lang // the source side: corpus.Chinese ("" too) or corpus.English

	CreationTool        string    // "" is "bitext"
	CreationToolVersion string    // "" is "unknown"
	CreationDate        time.Time // zero: the attribute is omitted (reproducible output)
	AdminLang           string    // "" is "en-US"
	OTMF                string    // original format; "" is "bitext"
	SegType             string    // "" is "sentence"
	Props               []Prop    // header properties

	// SrcLang is the header's srclang as read; TMXWriter ignores it and
	// writes the code of the source side, so the two always agree.
	SrcLang string
}

func (h Header) zhLang() string { return CanonicalLang(orDefault(h.ZHLang, "zh-CN")) }
func (h Header) enLang() string { return CanonicalLang(orDefault(h.ENLang, "en-US")) }

// CanonicalLang returns a language code in its BCP 47 letter case (zh-hk
// becomes zh-HK, ZH_hant_tw zh-Hant-TW); a code it cannot parse comes back
// unchanged.
func CanonicalLang(code string) string {
	t, err := language.Parse(strings.ReplaceAll(code, "_", "-"))
	if err != nil {
		return code
	}
	return t.String()
}

// sourceLang is the code of the source variant, as written in srclang.
func (h Header) sourceLang() string {
	if h.Source == corpus.English {
		return h.enLang()
	}
	return h.zhLang()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TMXDate formats t as TMX dates are written (ISO 8601 basic, UTC).
func TMXDate(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// TMXWriter writes a TMX 1.4 file one unit at a time. The header goes out
// with the first unit (or at Close for an empty memory).
type TMXWriter struct {
	w       *bufio.Writer
	h       Header
	started bool
	closed  bool
	n       int // units written
	dropped int // characters dropped because XML cannot carry them
	err     error
}

// NewTMXWriter returns a writer of a TMX file with header h to w.
func NewTMXWriter(w io.Writer, h Header) *TMXWriter {
	return &TMXWriter{w: bufio.NewWriterSize(w, 32<<10), h: h}
}

// Units is the number of units written so far.
func (t *TMXWriter) Units() int { return t.n }

// Dropped is the number of characters dropped so far because XML 1.0 cannot
// represent them (control characters, U+FFFE, U+FFFF, invalid UTF-8).
func (t *TMXWriter) Dropped() int { return t.dropped }

func (t *TMXWriter) start() {
	t.started = true
	h := t.h
	t.str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header")
	t.attr("creationtool", orDefault(h.CreationTool, "bitext"))
	t.attr("creationtoolversion", orDefault(h.CreationToolVersion, "unknown"))
	t.attr("segtype", orDefault(h.SegType, "sentence"))
	t.attr("o-tmf", orDefault(h.OTMF, "bitext"))
	t.attr("adminlang", orDefault(h.AdminLang, "en-US"))
	t.attr("srclang", h.sourceLang())
	t.attr("datatype", "plaintext")
	if !h.CreationDate.IsZero() {
		t.attr("creationdate", TMXDate(h.CreationDate))
	}
	if len(h.Props) == 0 {
		t.str("/>\n")
	} else {
		t.str(">\n")
		for _, p := range h.Props {
			t.prop("    ", p.Type, p.Value)
		}
		t.str("  </header>\n")
	}
	t.str("  <body>\n")
}

// Write writes one unit as a <tu>. An empty ID is replaced by the unit's
// 1-based number in the file.
func (t *TMXWriter) Write(u Unit) error {
	if t.closed {
		return errors.New("tm: write after Close")
	}
	if t.err != nil {
		return t.err
	}
	if !t.started {
		t.start()
	}
	t.n++
	id := u.ID
	if id == "" {
		id = strconv.Itoa(t.n)
	}
	t.str("    <tu")
	t.attr("tuid", id)
	t.str(">\n")
	if u.Doc != "" {
		t.prop("      ", PropDoc, u.Doc)
	}
	if u.Bead != "" {
		t.prop("      ", PropBead, u.Bead)
	}
	if u.HasConfidence {
		t.prop("      ", PropConfidence, FormatConfidence(u.Confidence))
	}
	for _, p := range u.Props {
		t.prop("      ", p.Type, p.Value)
	}
	if t.h.Source == corpus.English {
		t.tuv(t.h.enLang(), u.EN)
		t.tuv(t.h.zhLang(), u.ZH)
	} else {
		t.tuv(t.h.zhLang(), u.ZH)
		t.tuv(t.h.enLang(), u.EN)
	}
	t.str("    </tu>\n")
	return t.err
}

// Close writes the end of the file and flushes. It does not close the
// underlying writer.
func (t *TMXWriter) Close() error {
	if t.closed {
		return t.err
	}
	if t.err != nil {
		return t.err
	}
	if !t.started {
		t.start()
	}
	t.closed = true
	t.str("  </body>\n</tmx>\n")
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

func (t *TMXWriter) tuv(lang, text string) {
	t.str("      <tuv")
	t.attr("xml:lang", lang)
	t.str("><seg>")
	t.escape(text, false)
	t.str("</seg></tuv>\n")
}

func (t *TMXWriter) prop(indent, typ, value string) {
	t.str(indent)
	t.str("<prop")
	t.attr("type", typ)
	t.str(">")
	t.escape(value, false)
	t.str("</prop>\n")
}

func (t *TMXWriter) attr(name, value string) {
	t.str(" ")
	t.str(name)
	t.str("=\"")
	t.escape(value, true)
	t.str("\"")
}

func (t *TMXWriter) str(s string) {
	if t.err == nil {
		_, t.err = t.w.WriteString(s)
	}
}

// escape writes s as XML character data (or an attribute value), dropping
// and counting what XML 1.0 cannot carry.
func (t *TMXWriter) escape(s string, inAttr bool) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#13;"
		case inAttr && r == '"':
			esc = "&quot;"
		case inAttr && r == '\n':
			esc = "&#10;"
		case inAttr && r == '\t':
			esc = "&#9;"
		case r == utf8.RuneError && size == 1, !xmlChar(r):
			t.dropped++
		default:
			i += size
			continue
		}
		t.str(s[last:i])
		t.str(esc)
		i += size
		last = i
	}
	t.str(s[last:])
}

// xmlChar reports whether XML 1.0 allows r in a document (production Char).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// Clean returns s less the characters a TMX file cannot carry, and how many
// were dropped: what a TMX round trip turns s into.
func Clean(s string) (string, int) {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			n++
		}
		i += size
	}
	if n == 0 {
		return s, 0
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1 || !xmlChar(r)) {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b), n
}
