// Package sample is the corpus that "bitext demo" runs the whole pipeline
// on, embedded in the binary so that the demo needs nothing else.
//
// The corpus is
//   - the Xinhua Chinese article and English story on Xi Jinping's meeting
//     with Emomali Rahmon (2025-06-17), from the project's seeds, as one
//     bilingual file (Chinese first, then English);
//   - ten short Xinhua-style article pairs written for bitext about
//     diplomacy and trade, in which the house terms recur: 一带一路 (Belt
//     and Road Initiative), 命运共同体 and 人类命运共同体 (community with a
//     shared future [for mankind]), 三股势力 (terrorism, separatism and
//     extremism), 互联互通 (connectivity), 上海合作组织, 孔子学院, 中欧班列,
//     多边主义;
//   - a new translation to review (Review): an article whose English uses
//     the outdated "One Belt One Road", renders 三股势力 as "three evil
//     forces" and gets two numbers wrong (68亿美元 as 8.6 billion, 15.3% as
//     13.5 percent);
//   - the house glossary (HouseGlossary) that the review is checked
//     against: approved renderings and the forbidden "One Belt One Road".
//
// Every file is UTF-8 text: documents are plain text with blank lines
// between paragraphs (title first); the glossary is an OmegaT-style TSV with
// a status column.
package sample

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed data
var data embed.FS

// Article is one document pair of the sample. Bilingual articles hold both
// editions in ZH (Chinese first) and leave EN empty.
type Article struct {
	Name      string // file name without the language suffix: "03-china-central-asia-summit"
	Date      string // YYYY-MM-DD
	Bilingual bool
	ZH, EN    string
}

// dates are the articles' publication dates (the datelines give month and
// day only).
var dates = map[string]string{
	"00-xi-meets-rahmon":             "2025-06-19",
	"01-china-kazakhstan-trade":      "2025-06-18",
	"02-sco-security-secretaries":    "2025-05-20",
	"03-china-central-asia-summit":   "2025-06-17",
	"04-un-multilateralism":          "2025-04-09",
	"05-chinese-culture-day":         "2025-09-26",
	"06-china-europe-freight-trains": "2025-03-12",
	"07-china-laos-partnership":      "2025-02-28",
	"08-jakarta-bandung-railway":     "2025-01-15",
	"09-sco-foreign-ministers":       "2025-04-30",
	"10-belt-and-road-forum":         "2023-10-18",
	"review":                         "2025-06-05",
}

func read(name string) string {
	b, err := data.ReadFile(path.Join("data", name))
	if err != nil {
		panic("sample: " + err.Error()) // the files are embedded: cannot happen
	}
	return string(b)
}

// Corpus returns the article pairs of the sample corpus, in name order
// (the review article is not among them).
func Corpus() []Article {
	entries, err := fs.ReadDir(data, "data")
	if err != nil {
		panic("sample: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasSuffix(n, ".bilingual.txt"):
			names = append(names, n)
		case strings.HasSuffix(n, ".zh.txt") && !strings.HasPrefix(n, "review."):
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var out []Article
	for _, n := range names {
		if base, ok := strings.CutSuffix(n, ".bilingual.txt"); ok {
			out = append(out, Article{Name: base, Date: dates[base], Bilingual: true, ZH: read(n)})
			continue
		}
		base := strings.TrimSuffix(n, ".zh.txt")
		out = append(out, Article{Name: base, Date: dates[base], ZH: read(n), EN: read(base + ".en.txt")})
	}
	return out
}

// Review returns the new translation to check against the house glossary.
func Review() Article {
	return Article{Name: "review", Date: dates["review"], ZH: read("review.zh.txt"), EN: read("review.en.txt")}
}

// HouseGlossary returns the house glossary as TSV (zh, en, comment, status).
func HouseGlossary() string { return read("house-glossary.tsv") }
