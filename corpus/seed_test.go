package corpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// find returns the sentences whose text contains sub.
func find(sents []Sentence, sub string) []Sentence {
	var out []Sentence
	for _, s := range sents {
		if strings.Contains(s.Text, sub) {
			out = append(out, s)
		}
	}
	return out
}

// TestSeedBilingual checks the acceptance criteria on the Xinhua seed.
func TestSeedBilingual(t *testing.T) {
	t.Parallel()
	path := filepath.Join(testdataDir, "001_ac1a7e75099f8e09.txt")
	zh, en, err := ReadBilingualFile(path, ReadOptions{Format: FormatBilingual})
	if err != nil {
		t.Fatal(err)
	}
	if zh.Lang != Chinese || en.Lang != English {
		t.Fatalf("languages %s, %s", zh.Lang, en.Lang)
	}

	long := find(zh.Sentences, "双方要发挥好")
	if len(long) != 1 || !strings.HasPrefix(long[0].Text, "双方要发挥好") || !strings.HasSuffix(long[0].Text, "加大力度打击“三股势力”。") {
		t.Errorf("the long sentence through ；… is not one sentence: %+v", long)
	} else if n := len(long[0].Clauses); n != 4 {
		t.Errorf("long sentence has %d clauses, want 4 (cut at ；)", n)
	}

	meta := find(zh.Sentences, "责任编辑")
	if len(meta) != 1 || meta[0].Kind != Metadata || !strings.HasSuffix(meta[0].Text, "责任编辑:曹川川") {
		t.Errorf("metadata not separated from the caption glued to it: %+v", meta)
	}
	for _, credit := range []string{"新华社记者 李涛 摄", "新华社记者 燕雁 摄"} {
		s := find(zh.Sentences, credit)
		if len(s) != 1 || s[0].Text != credit || s[0].Kind != Caption {
			t.Errorf("credit %s: %+v, want a Caption sentence of its own", credit, s)
		}
	}
	// The caption text before each credit is a caption too; the same text
	// as the article's first sentence is body.
	var captions, bodies int
	for _, s := range find(zh.Sentences, "当地时间6月17日上午") {
		switch s.Kind {
		case Caption:
			captions++
		case Body:
			bodies++
		}
	}
	if captions != 2 || bodies != 1 {
		t.Errorf("当地时间… sentences: %d captions, %d body; want 2 and 1", captions, bodies)
	}
	if s := zh.Sentences[0]; s.Kind != Title || s.Text != "习近平会见塔吉克斯坦总统拉赫蒙" {
		t.Errorf("first Chinese sentence %+v, want the title", s)
	}

	if !strings.HasPrefix(en.Sentences[0].Text, "We will stay firmly rooted") {
		t.Errorf("the stray English first line is not in the English document: %q", en.Sentences[0].Text)
	}
	credits := find(en.Sentences, "(Xinhua/")
	if len(credits) != 2 {
		t.Fatalf("English captions: %+v", credits)
	}
	for _, s := range credits {
		if s.Kind != Caption || !strings.HasPrefix(s.Text, "Chinese President Xi Jinping meets with") {
			t.Errorf("English caption %q is %s, want one Caption sentence with its credit", s.Text, s.Kind)
		}
	}
	if s := find(en.Sentences, "Xi calls on China"); len(s) != 1 || s[0].Kind != Title {
		t.Errorf("English headline: %+v", s)
	}
	for _, d := range []*Document{zh, en} {
		for _, s := range d.Sentences {
			if s.Kind == Body && (strings.Contains(s.Text, "摄") || strings.Contains(s.Text, "Xinhua/")) {
				t.Errorf("credit left in body: %q", s.Text)
			}
		}
	}
}

// TestSeedJekyll checks the acceptance criteria on the Jekyll seed.
func TestSeedJekyll(t *testing.T) {
	t.Parallel()
	doc, err := ReadFile(filepath.Join(testdataDir, "000_bc30676eec7b3701.txt"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Lang != Chinese {
		t.Errorf("language %s", doc.Lang)
	}
	for k, want := range map[string]string{
		"title": "中国塔吉克斯坦建立新时代全面战略合作伙伴关系",
		"date":  "2024-07-06T00:43:13.000Z",
		"url":   "https://www.zaobao.com/realtime/china/story20240706-4071464",
	} {
		if got := doc.Meta[k]; got != want {
			t.Errorf("meta %s = %q, want %q", k, got, want)
		}
	}
	for _, s := range doc.Sentences {
		if strings.ContainsAny(s.Text, "<>") || strings.Contains(s.Text, "dfp") || strings.Contains(s.Text, "&amp;") {
			t.Errorf("markup in sentence %q", s.Text)
		}
	}
	caps := find(doc.Sentences, "欢迎仪式")
	if len(caps) != 1 || caps[0].Kind != Caption || !strings.HasSuffix(caps[0].Text, "（法新社）") {
		t.Errorf("image caption: %+v, want one Caption with its credit", caps)
	}
	if s := doc.Sentences[0]; s.Kind != Title || s.Text != doc.Meta["title"] {
		t.Errorf("first sentence %+v, want the heading as Title", s)
	}
	if n := len(find(doc.Sentences, "此前，习近平曾在2014年和2019年访问过塔吉克斯坦。")); n != 1 {
		t.Errorf("last paragraph found %d times", n)
	}
	paras := map[int]bool{}
	for _, s := range doc.Sentences {
		paras[s.Para] = true
	}
	if len(paras) != 14 {
		t.Errorf("%d paragraphs, want 14 (heading, caption, 12 <p>)", len(paras))
	}
}
