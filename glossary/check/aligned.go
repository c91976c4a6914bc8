package check

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
)

// MinConfidence is the bead confidence below which AlignedSegments marks a
// segment Uncertain. On news-dev, where whole passages of the Chinese have
// no English, 7 of the aligner's 14 wrong beads score below 0.85 and 26 of
// its 422 right ones do (below 0.8: 5 wrong, 15 right).
const MinConfidence = 0.85

// AlignedSegments turns the beads of two aligned documents into segments,
// one per bead: Pos is the bead's 1-based position, ID its shape ("bead
// 2-1"), the Chinese sentences are joined without a separator and the
// English ones with a space. lineOf, if not nil, gives the 1-based line of
// a byte offset of the Chinese document (Sentence.Start) for Segment.Line.
// A bead whose Confidence is below MinConfidence is Uncertain. Check such
// segments with Input.Slack 1: an aligner can put a clause one bead off.
func AlignedSegments(zh, en []corpus.Sentence, beads []align.Bead, lineOf func(offset int) int) []Segment {
	segs := make([]Segment, 0, len(beads))
	for i, b := range beads {
		s := Segment{Pos: i + 1, ID: fmt.Sprintf("bead %d-%d", len(b.ZH), len(b.EN)), Uncertain: b.Confidence < MinConfidence}
		var zhs, ens []string
		for _, k := range b.ZH {
			zhs = append(zhs, zh[k].Text)
		}
		for _, k := range b.EN {
			ens = append(ens, en[k].Text)
		}
		if len(b.ZH) > 0 && lineOf != nil {
			s.Line = lineOf(zh[b.ZH[0]].Start)
		}
		s.ZH, s.EN = strings.Join(zhs, ""), strings.Join(ens, " ")
		segs = append(segs, s)
	}
	return segs
}
