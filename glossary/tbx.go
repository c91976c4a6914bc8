package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// TBX-Basic administrativeStatus values and how bitext statuses map onto
// them. New candidates are admitted terms; the exact bitext status also goes
// into a termNote of type "x-bitextStatus" so that a round trip keeps it.
const (
	tbxPreferred  = "preferredTerm-admn-sts"
	tbxAdmitted   = "admittedTerm-admn-sts"
	tbxDeprecated = "deprecatedTerm-admn-sts"
	tbxSuperseded = "supersededTerm-admn-sts"
)

func tbxStatus(s Status) string {
	switch s {
	case Approved, Preferred:
		return tbxPreferred
	case Forbidden:
		return tbxDeprecated
	case Rejected:
		return tbxSuperseded
	}
	return tbxAdmitted
}

// Notes on a termEntry carry the statistics as "key: value".
const (
	noteVariants    = "variants"
	noteZHFreq      = "zh frequency"
	notePairFreq    = "pair frequency"
	noteConsistency = "consistency"
	noteScore       = "score"
	noteFirstSeen   = "first seen"
	noteLastSeen    = "last seen"
	noteConflict    = "conflicts with"
	noteCase        = "case sensitive"
)

// writeTBX writes TBX-Basic (TBX v2, root element martif): one termEntry per
// entry with a zh and an en langSet; examples are "context" descrips,
// statistics and the comment are notes.
func writeTBX(w io.Writer, entries []Entry) error {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader>
    <fileDesc>
      <sourceDesc><p>bitext glossary</p></sourceDesc>
    </fileDesc>
    <encodingDesc>
      <p type="XCSURI">TBXBasicXCSV02.xcs</p>
    </encodingDesc>
  </martifHeader>
  <text>
    <body>
`)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	for i, e := range entries {
		b.Reset()
		fmt.Fprintf(&b, "      <termEntry id=\"e%d\">\n", i+1)
		if e.Comment != "" {
			tbxElem(&b, 8, "note", "", e.Comment)
		}
		note := func(key, val string) {
			if val != "" {
				tbxElem(&b, 8, "note", "", key+": "+val)
			}
		}
		note(noteVariants, formatVariants(e.Variants))
		note(noteZHFreq, itoa(e.ZHFreq))
		note(notePairFreq, itoa(e.PairFreq))
		note(noteConsistency, ftoa(e.Consistency))
		note(noteScore, ftoa(e.Score))
		note(noteFirstSeen, e.FirstSeen)
		note(noteLastSeen, e.LastSeen)
		note(noteConflict, e.Conflict)
		if e.CaseSensitive {
			note(noteCase, "yes")
		}
		for _, side := range []struct {
			lang, term string
			ex         func(Example) string
		}{{"zh", e.ZH, func(x Example) string { return x.ZH }}, {"en", e.EN, func(x Example) string { return x.EN }}} {
			fmt.Fprintf(&b, "        <langSet xml:lang=\"%s\">\n          <tig>\n", side.lang)
			tbxElem(&b, 12, "term", "", side.term)
			tbxElem(&b, 12, "termNote", "administrativeStatus", tbxStatus(e.Status))
			if side.lang == "en" && e.Status != "" {
				tbxElem(&b, 12, "termNote", "x-bitextStatus", string(e.Status))
			}
			for _, x := range e.Examples {
				if t := side.ex(x); t != "" {
					tbxElem(&b, 12, "descrip", "context", t)
				}
				if x.Doc != "" && side.lang == "zh" {
					tbxElem(&b, 12, "note", "", "source: "+x.Doc)
				}
			}
			b.WriteString("          </tig>\n        </langSet>\n")
		}
		b.WriteString("      </termEntry>\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "    </body>\n  </text>\n</martif>\n")
	return err
}

func tbxElem(b *strings.Builder, indent int, name, typ, text string) {
	b.WriteString(strings.Repeat(" ", indent))
	b.WriteString("<" + name)
	if typ != "" {
		b.WriteString(` type="` + typ + `"`)
	}
	b.WriteString(">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">\n")
}

// The TBX elements read. Terms may sit in tig (TBX-Basic) or ntig/termGrp.
type tbxTermEntry struct {
	Notes    []tbxTyped   `xml:"note"`
	Descrips []tbxTyped   `xml:"descrip"`
	LangSets []tbxLangSet `xml:"langSet"`
}

type tbxLangSet struct {
	Lang  string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Lang2 string   `xml:"lang,attr"`
	Tigs  []tbxTig `xml:"tig"`
	NTigs []struct {
		TermGrp  tbxTig     `xml:"termGrp"`
		Descrips []tbxTyped `xml:"descrip"`
	} `xml:"ntig"`
}

type tbxTig struct {
	Term      string     `xml:"term"`
	TermNotes []tbxTyped `xml:"termNote"`
	Descrips  []tbxTyped `xml:"descrip"`
	Notes     []tbxTyped `xml:"note"`
}

type tbxTyped struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// readTBX reads a TBX (v2 martif or TBX v3 tbx root) glossary: one entry per
// English term of each termEntry, paired with the entry's first Chinese
// term. A deprecated English term is a forbidden rendering.
func readTBX(data []byte, name string) ([]Entry, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var entries []Entry
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "martif" && root != "tbx" {
				return nil, &corpus.ParseError{File: name, Line: lineAt(data, d.InputOffset()), Offset: -1,
					Err: fmt.Errorf("%w: root element <%s>, want TBX <martif> or <tbx>", corpus.ErrSyntax, root)}
			}
			continue
		}
		if se.Name.Local != "termEntry" && se.Name.Local != "conceptEntry" {
			continue
		}
		line := lineAt(data, d.InputOffset())
		var te tbxTermEntry
		if err := d.DecodeElement(&te, &se); err != nil {
			return nil, xmlError(name, err)
		}
		es, err := te.entries()
		if err != nil {
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1, Err: err}
		}
		entries = append(entries, es...)
	}
	if root == "" {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no XML elements", corpus.ErrSyntax)}
	}
	if len(entries) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no glossary entries", corpus.ErrEmpty)}
	}
	return entries, nil
}

func xmlError(name string, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &corpus.ParseError{File: name, Line: se.Line, Offset: -1, Err: fmt.Errorf("%w: %s", corpus.ErrSyntax, se.Msg)}
	}
	return &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: %v", corpus.ErrSyntax, err)}
}

func (ls tbxLangSet) tigs() []tbxTig {
	tigs := ls.Tigs
	for _, n := range ls.NTigs {
		t := n.TermGrp
		t.Descrips = append(t.Descrips, n.Descrips...)
		tigs = append(tigs, t)
	}
	return tigs
}

func (t tbxTig) note(typ string) string {
	for _, n := range t.TermNotes {
		if n.Type == typ {
			return strings.TrimSpace(n.Text)
		}
	}
	return ""
}

func (te tbxTermEntry) entries() ([]Entry, error) {
	var zh []tbxTig
	var en []tbxTig
	for _, ls := range te.LangSets {
		lang := strings.ToLower(ls.Lang)
		if lang == "" {
			lang = strings.ToLower(ls.Lang2)
		}
		switch {
		case strings.HasPrefix(lang, "zh"):
			zh = append(zh, ls.tigs()...)
		case strings.HasPrefix(lang, "en"):
			en = append(en, ls.tigs()...)
		}
	}
	if len(zh) == 0 || len(en) == 0 {
		return nil, fmt.Errorf("%w: termEntry needs a zh and an en langSet with a term", corpus.ErrSyntax)
	}
	base := Entry{ZH: zh[0].Term}
	var err error
	for _, n := range te.Notes {
		key, val, found := strings.Cut(strings.TrimSpace(n.Text), ": ")
		switch {
		case !found:
			base.Comment = joinComment(base.Comment, n.Text)
		case key == noteVariants:
			base.Variants, err = parseVariants(val)
		case key == noteZHFreq:
			base.ZHFreq, err = atoi(val)
		case key == notePairFreq:
			base.PairFreq, err = atoi(val)
		case key == noteConsistency:
			base.Consistency, err = atof(val)
		case key == noteScore:
			base.Score, err = atof(val)
		case key == noteFirstSeen:
			base.FirstSeen = val
		case key == noteLastSeen:
			base.LastSeen = val
		case key == noteConflict:
			base.Conflict = val
		case key == noteCase:
			base.CaseSensitive = val == "yes"
		default:
			base.Comment = joinComment(base.Comment, n.Text)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: note %q: %v", corpus.ErrSyntax, n.Text, err)
		}
	}
	var docs []string
	for _, n := range zh[0].Notes {
		if doc, ok := strings.CutPrefix(strings.TrimSpace(n.Text), "source: "); ok {
			docs = append(docs, doc)
		}
	}
	zhCtx := contexts(zh[0])
	var out []Entry
	for _, t := range en {
		e := base
		e.EN = t.Term
		if s := t.note("x-bitextStatus"); s != "" {
			e.Status, err = ParseStatus(s)
		} else {
			e.Status, err = statusOfTBX(t.note("administrativeStatus"))
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", corpus.ErrSyntax, err)
		}
		enCtx := contexts(t)
		for i := 0; i < len(zhCtx) || i < len(enCtx); i++ {
			var x Example
			if i < len(zhCtx) {
				x.ZH = zhCtx[i]
			}
			if i < len(enCtx) {
				x.EN = enCtx[i]
			}
			if i < len(docs) {
				x.Doc = docs[i]
			}
			e.Examples = append(e.Examples, x)
		}
		if err := checkEntry(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func contexts(t tbxTig) []string {
	var out []string
	for _, d := range t.Descrips {
		if d.Type == "context" {
			out = append(out, strings.TrimSpace(d.Text))
		}
	}
	return out
}

func joinComment(a, b string) string {
	b = strings.TrimSpace(b)
	if a == "" {
		return b
	}
	return a + "; " + b
}

func statusOfTBX(s string) (Status, error) {
	switch s {
	case "", tbxPreferred, "preferred":
		return Approved, nil
	case tbxAdmitted, "admitted":
		return Admitted, nil
	case tbxDeprecated, "deprecated", "notRecommended":
		return Forbidden, nil
	case tbxSuperseded, "superseded", "obsolete":
		return Rejected, nil
	}
	return "", fmt.Errorf("unknown administrativeStatus %q", s)
}
