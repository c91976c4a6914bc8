package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraph is one block of text found by a format reader, before sentence
// splitting.
type paragraph struct {
	text  string    // the paragraph's text
	start int       // offset of text in the decoded input (when src is nil)
	kind  Kind      // preset by markup (figcaption: Caption, h1–h6: Title); "" = classify
	line  bool      // a line of FormatLines: one sentence, never split
	src   []srcPart // where text came from, when it is not a verbatim slice of the input
}

// srcPart says that text[at:at+n] came from input[src:src+srcN]. When n ==
// srcN the part is verbatim and offsets map one to one; otherwise (entities,
// collapsed white space) its start maps to src and its end to src+srcN.
type srcPart struct {
	at, n, src, srcN int
}

// offset maps a byte offset in p.text to a byte offset in the decoded input.
// end says whether i is an end offset (it then maps to the end of a part).
func (p *paragraph) offset(i int, end bool) int {
	if p.src == nil {
		return p.start + i
	}
	// The last part starting at or before i (before i for an end offset).
	k := sort.Search(len(p.src), func(k int) bool { return p.src[k].at > i || end && k > 0 && p.src[k].at == i }) - 1
	if k < 0 {
		return p.start + i
	}
	s := p.src[k]
	switch {
	case s.n == s.srcN:
		return s.src + min(i-s.at, s.n)
	case end || i >= s.at+s.n:
		return s.src + s.srcN
	default:
		return s.src
	}
}

// buildDocument splits paragraphs into typed sentences. lang forces the
// language of every paragraph; "" detects it per paragraph.
func buildDocument(name, input string, paras []paragraph, meta map[string]string, lang Lang) *Document {
	doc := &Document{Name: name, Lang: lang, Meta: meta}
	if doc.Lang == "" {
		var han, latin int
		for _, p := range paras {
			h, l := scriptCounts(p.text)
			han, latin = han+h, latin+l
		}
		doc.Lang = majorityLang(han, latin)
	}
	for pi, p := range paras {
		doc.Sentences = append(doc.Sentences, paragraphSentences(p, pi, lang, doc.Lang)...)
	}
	return doc
}

// paragraphSentences splits paragraph p, the pi-th of its document, into
// sentences with offsets into the decoded input. lang forces the language;
// "" detects it from the paragraph's script, and a paragraph without
// letters takes the document's language docLang.
func paragraphSentences(p paragraph, pi int, lang, docLang Lang) []Sentence {
	if lang == "" {
		lang = DetectLang(p.text)
		if lang == "" {
			lang = docLang
		}
	}
	var sents []Sentence
	if p.line {
		sents = lineSentence(p.text, lang)
	} else {
		sents = splitParagraph(p.text, lang, p.kind)
	}
	for i := range sents {
		sents[i].Para = pi
		sents[i].Start, sents[i].End = p.offset(sents[i].Start, false), p.offset(sents[i].End, true)
	}
	return sents
}

// majorityLang is the language of a document whose text has han hanzi and latin
// Latin letters: Chinese when the hanzi weigh at least as much.
func majorityLang(han, latin int) Lang {
	if han > 0 && han*hanWeight >= latin {
		return Chinese
	}
	return English
}

// lineSentence makes one sentence of a line of FormatLines, trimmed of
// surrounding white space; an empty line gives an empty sentence so that
// sentence i stays line i+1.
func lineSentence(text string, lang Lang) []Sentence {
	start, end := trimSpan(text, 0, len(text))
	s := Sentence{Text: text[start:end], Lang: lang, Kind: Body, Start: start, End: end}
	if s.Text != "" {
		s.Kind = classifyLine(s.Text, lang)
		s.Clauses = clauseSpans(s.Text)
	}
	return []Sentence{s}
}

// isSpace reports white space, including the ideographic space U+3000 and
// no-break space.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' }

// trimSpan narrows [start, end) of s to exclude surrounding white space.
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// splitLines calls fn for each line of text with its offset, without the
// line terminator (\n, \r\n or a lone \r).
func splitLines(text string, fn func(line string, start int)) {
	for start := 0; start < len(text); {
		i := strings.IndexAny(text[start:], "\r\n")
		if i < 0 {
			fn(text[start:], start)
			return
		}
		fn(text[start:start+i], start)
		next := start + i + 1
		if text[start+i] == '\r' && next < len(text) && text[next] == '\n' {
			next++
		}
		start = next
	}
}

// textBuilder builds a paragraph from pieces of the input, collapsing white
// space and recording where each piece came from.
type textBuilder struct {
	buf   strings.Builder
	src   []srcPart
	kind  Kind
	space bool // buf ends with a collapsed space
}

// text returns the paragraph text built so far.
func (b *textBuilder) text() string { return b.buf.String() }

// addSpace appends one collapsed space for n bytes of white space at src,
// unless the paragraph is empty or already ends with a space.
func (b *textBuilder) addSpace(src, n int) {
	if b.buf.Len() == 0 || b.space {
		return
	}
	b.appendPart(" ", src, n)
	b.space = true
}

// appendPart appends s, read from srcN bytes at offset src of the input.
func (b *textBuilder) appendPart(s string, src, srcN int) {
	if s == "" {
		return
	}
	at := b.buf.Len()
	if k := len(b.src) - 1; k >= 0 && len(s) == srcN {
		// Extend a verbatim part that this one continues.
		if last := &b.src[k]; last.n == last.srcN && last.at+last.n == at && last.src+last.srcN == src {
			last.n += len(s)
			last.srcN += srcN
			b.buf.WriteString(s)
			b.space = false
			return
		}
	}
	b.src = append(b.src, srcPart{at: at, n: len(s), src: src, srcN: srcN})
	b.buf.WriteString(s)
	b.space = false
}

// take returns the paragraph built so far, without a trailing space, and
// starts a new one; ok is false when it is empty.
func (b *textBuilder) take() (p paragraph, ok bool) {
	p = paragraph{text: b.buf.String(), src: b.src, kind: b.kind}
	trailingSpace := b.space
	b.buf, b.src, b.kind, b.space = strings.Builder{}, nil, "", false
	if n := len(p.src); n > 0 && trailingSpace {
		p.text = p.text[:len(p.text)-1]
		if last := &p.src[n-1]; last.n == 1 {
			p.src = p.src[:n-1]
		} else {
			last.n--
			last.srcN-- // a merged part is verbatim
		}
	}
	if p.text == "" {
		return p, false
	}
	p.start = p.src[0].src
	return p, true
}
