package batch

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
)

// Doc is a loaded document pair.
type Doc struct {
	Pair
	Date string // from a JSON Lines record, "" otherwise
	ZH   *corpus.Document
	EN   *corpus.Document
	// Anchored is true when the pair is aligned paragraph by paragraph
	// (a JSON Lines record whose two texts have as many paragraphs).
	Anchored bool
}

// Load reads the pair's two documents. The sentences of each side keep
// their document's Para numbers.
func Load(p Pair, opt corpus.ReadOptions) (*Doc, error) {
	d := &Doc{Pair: p}
	zhOpt, enOpt := opt, opt
	zhOpt.Lang, enOpt.Lang = corpus.Chinese, corpus.English
	var err error
	if p.JSONL != "" {
		rec, err := p.readRecord()
		if err != nil {
			return nil, err
		}
		if id := recordID(rec.ID); id != "" {
			d.ID = id
		}
		d.Date = rec.Date
		name := p.Name()
		zhOpt.Format = recordFormat(opt.Format, *rec.ZH)
		enOpt.Format = recordFormat(opt.Format, *rec.EN)
		if d.ZH, err = corpus.Read(strings.NewReader(*rec.ZH), name+" (zh)", zhOpt); err != nil {
			return nil, err
		}
		if d.EN, err = corpus.Read(strings.NewReader(*rec.EN), name+" (en)", enOpt); err != nil {
			return nil, err
		}
		d.Anchored = paragraphs(d.ZH.Sentences) > 1 && paragraphs(d.ZH.Sentences) == paragraphs(d.EN.Sentences)
	} else {
		if d.ZH, err = corpus.ReadFile(p.ZH, zhOpt); err != nil {
			return nil, err
		}
		if d.EN, err = corpus.ReadFile(p.EN, enOpt); err != nil {
			return nil, err
		}
	}
	if len(d.ZH.Sentences) == 0 {
		return nil, fmt.Errorf("%s: %w: no Chinese sentences", d.ZH.Name, corpus.ErrEmpty)
	}
	if len(d.EN.Sentences) == 0 {
		return nil, fmt.Errorf("%s: %w: no English sentences", d.EN.Name, corpus.ErrEmpty)
	}
	if err := corpus.CheckLang(d.ZH, corpus.Chinese); err != nil {
		return nil, err
	}
	if err := corpus.CheckLang(d.EN, corpus.English); err != nil {
		return nil, err
	}
	return d, nil
}

// recordFormat settles the format of a JSON Lines text: the one asked
// for, else the detected one, except that a record side is never bilingual
// (its language is known: English paragraphs in it are quotations, tables,
// names) and that Markdown headings (# Title) make it Markdown.
func recordFormat(asked corpus.Format, text string) corpus.Format {
	if asked != "" && asked != corpus.FormatAuto {
		return asked
	}
	f := corpus.DetectFormat("", text)
	if f == corpus.FormatBilingual {
		f = corpus.FormatText
	}
	if f == corpus.FormatText && markdownHeading(text) {
		f = corpus.FormatMarkdown
	}
	return f
}

// markdownHeading reports whether a line of text is an ATX heading.
func markdownHeading(text string) bool {
	for line := range strings.Lines(text) {
		t := strings.TrimLeft(line, "#")
		if n := len(line) - len(t); n >= 1 && n <= 6 && strings.HasPrefix(t, " ") {
			return true
		}
	}
	return false
}

// paragraphs counts the distinct paragraphs sentences belong to.
func paragraphs(ss []corpus.Sentence) int {
	n, last := 0, -1
	for _, s := range ss {
		if s.Para != last {
			n++
			last = s.Para
		}
	}
	return n
}

// sections cuts sentences at paragraph changes: [start, end) index ranges.
func sections(ss []corpus.Sentence) [][2]int {
	var out [][2]int
	for i := range ss {
		if i == 0 || ss[i].Para != ss[i-1].Para {
			out = append(out, [2]int{i, i})
		}
		out[len(out)-1][1] = i + 1
	}
	return out
}

// parts are the stretches of a pair aligned on their own: the paragraphs of
// an anchored pair, else the whole documents.
func (d *Doc) parts() (zh, en [][2]int) {
	if !d.Anchored {
		return [][2]int{{0, len(d.ZH.Sentences)}}, [][2]int{{0, len(d.EN.Sentences)}}
	}
	return sections(d.ZH.Sentences), sections(d.EN.Sentences)
}

// Align aligns the pair with a, paragraph by paragraph when anchored. A
// paragraph with no sentences on one side gives omission beads of
// confidence 1 for the other.
func (d *Doc) Align(a *align.Aligner) ([]align.Bead, error) {
	zhParts, enParts := d.parts()
	var beads []align.Bead
	for k := range zhParts {
		zs, es := zhParts[k], enParts[k]
		zh, en := d.ZH.Sentences[zs[0]:zs[1]], d.EN.Sentences[es[0]:es[1]]
		if len(zh) == 0 || len(en) == 0 {
			beads = append(beads, omissions(zs, es)...)
			continue
		}
		bs, err := a.Align(zh, en)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			b.ZH = shift(b.ZH, zs[0])
			b.EN = shift(b.EN, es[0])
			beads = append(beads, b)
		}
	}
	return beads, nil
}

// Learn adds the pair to a corpus-wide learner, paragraph by paragraph
// when anchored.
func (d *Doc) Learn(l *align.Learner) error {
	zhParts, enParts := d.parts()
	for k := range zhParts {
		zs, es := zhParts[k], enParts[k]
		zh, en := d.ZH.Sentences[zs[0]:zs[1]], d.EN.Sentences[es[0]:es[1]]
		if len(zh) == 0 || len(en) == 0 {
			continue
		}
		if err := l.Add(zh, en); err != nil && !errors.Is(err, align.ErrEmpty) {
			return err
		}
	}
	return nil
}

func omissions(zs, es [2]int) []align.Bead {
	var beads []align.Bead
	for i := zs[0]; i < zs[1]; i++ {
		beads = append(beads, align.Bead{ZH: []int{i}, Confidence: 1})
	}
	for j := es[0]; j < es[1]; j++ {
		beads = append(beads, align.Bead{EN: []int{j}, Confidence: 1})
	}
	return beads
}

func shift(ids []int, by int) []int {
	if by == 0 {
		return ids
	}
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = id + by
	}
	return out
}
