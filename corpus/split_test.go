package corpus

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(sents []Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text
	}
	return out
}

// checkSpans verifies the invariants every splitter result keeps: spans in
// bounds and in order, Text equal to its span, no surrounding space, clauses
// inside the text and in order, and no non-space text left out.
func checkSpans(t testing.TB, text string, sents []Sentence) {
	t.Helper()
	prev := 0
	covered := make([]bool, len(text))
	for i, s := range sents {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %d span [%d:%d] out of order or bounds (previous end %d, len %d)", i, s.Start, s.End, prev, len(text))
		}
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("sentence %d Text %q != text[%d:%d] %q", i, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		if strings.TrimFunc(s.Text, isSpace) != s.Text {
			t.Fatalf("sentence %d %q has surrounding space", i, s.Text)
		}
		cprev := 0
		for _, c := range s.Clauses {
			if c.Start < cprev || c.End <= c.Start || c.End > len(s.Text) {
				t.Fatalf("sentence %d clause %v out of order or bounds", i, c)
			}
			cprev = c.End
		}
		if s.Clauses != nil && len(s.Clauses) < 2 {
			t.Fatalf("sentence %d has a single clause span; want nil", i)
		}
		for k := s.Start; k < s.End; k++ {
			covered[k] = true
		}
		prev = s.End
	}
	for i, r := range text {
		if !covered[i] && !isSpace(r) {
			t.Fatalf("text at byte %d (%q) is in no sentence", i, text[i:min(len(text), i+12)])
		}
	}
}

func TestSplitChinese(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		want []string
	}{
		{"增长3.5%。下降2.1个百分点！", []string{"增长3.5%。", "下降2.1个百分点！"}},
		{"他说：“我要回家。”然后走了。", []string{"他说：“我要回家。”", "然后走了。"}},
		{"“我们要发展。我们要合作。”他说。", []string{"“我们要发展。", "我们要合作。”", "他说。"}},
		{"他问：“你来吗？”我说：“来！”", []string{"他问：“你来吗？”", "我说：“来！”"}},
		{"他读过《钢铁是怎样炼成的？》这本书。很好。", []string{"他读过《钢铁是怎样炼成的？》这本书。", "很好。"}},
		{"真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"访问www.xinhua.net了解更多。谢谢。", []string{"访问www.xinhua.net了解更多。", "谢谢。"}},
		{"拉赫蒙表示.双方合作良好.", []string{"拉赫蒙表示.", "双方合作良好."}},
		{"增长了3.5%.双方合作良好。", []string{"增长了3.5%.", "双方合作良好。"}},
		{"飞鸟、碧水...美景成为现实...“走吧。”", []string{"飞鸟、碧水...美景成为现实...", "“走吧。”"}},
		{"飞鸟、绿树、栈道、碧水……美景成为现实。", []string{"飞鸟、绿树、栈道、碧水……美景成为现实。"}},
		{"他沉默了……“走吧。”", []string{"他沉默了……", "“走吧。”"}},
		{"会谈前出席欢迎仪式。（法新社）", []string{"会谈前出席欢迎仪式。（法新社）"}},
		{"会谈前出席欢迎仪式。 新华社记者 李涛 摄", []string{"会谈前出席欢迎仪式。", "新华社记者 李涛 摄"}},
		{"双方要协调推进各领域合作；扩大双边贸易；加大力度打击“三股势力”。中方支持。", []string{"双方要协调推进各领域合作；扩大双边贸易；加大力度打击“三股势力”。", "中方支持。"}},
		{"这是第一句。 ”这是引号后。", []string{"这是第一句。 ”", "这是引号后。"}},
		{"（详见附件。）下文。", []string{"（详见附件。）下文。"}},
		{"", nil},
	} {
		got := SplitChinese(c.text)
		checkSpans(t, c.text, got)
		if !slices.Equal(texts(got), c.want) {
			t.Errorf("SplitChinese(%q)\n got %q\nwant %q", c.text, texts(got), c.want)
		}
	}
}

func TestSplitEnglish(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.", []string{"Mr. Smith went to Washington.", "He arrived at 5 p.m. on Monday."}},
		{"The U.S. economy grew 3.5 percent. The U.K. did not.", []string{"The U.S. economy grew 3.5 percent.", "The U.K. did not."}},
		{"He lives in the U.S. The weather is fine.", []string{"He lives in the U.S.", "The weather is fine."}},
		{"J. K. Rowling wrote it. Then she rested.", []string{"J. K. Rowling wrote it.", "Then she rested."}},
		{`"Go home." She left.`, []string{`"Go home."`, "She left."}},
		{`He said: "It is done. We won." Then he left.`, []string{`He said: "It is done.`, `We won."`, "Then he left."}},
		{`"Can you print it?" Wang asked. She left.`, []string{`"Can you print it?" Wang asked.`, "She left."}},
		{"'Tomorrow . . . tomorrow I'll win . . .' He coughed.", []string{"'Tomorrow . . . tomorrow I'll win . . .'", "He coughed."}},
		{"Is it true? Yes! It is.", []string{"Is it true?", "Yes!", "It is."}},
		{"BEIJING, June 17 (Xinhua) -- Chinese President Xi Jinping met Rahmon. The two talked.", []string{"BEIJING, June 17 (Xinhua) -- Chinese President Xi Jinping met Rahmon.", "The two talked."}},
		{"WASHINGTON, Jan. 5 (Xinhua) -- No. 5 was the best. Gen. Li agreed.", []string{"WASHINGTON, Jan. 5 (Xinhua) -- No. 5 was the best.", "Gen. Li agreed."}},
		{"He joined Apple Inc. in 2010. Later he left.", []string{"He joined Apple Inc. in 2010.", "Later he left."}},
		{"It has many parts, e.g. Wheels and doors. They work.", []string{"It has many parts, e.g. Wheels and doors.", "They work."}},
		{"Prices rose (by 5%). Sales fell.", []string{"Prices rose (by 5%).", "Sales fell."}},
		{"Xi meets Rahmon in Astana, June 17, 2025. (Xinhua/Li Tao)", []string{"Xi meets Rahmon in Astana, June 17, 2025. (Xinhua/Li Tao)"}},
		{"He paid $3.50 for it... and left. Clear water... The end.", []string{"He paid $3.50 for it... and left.", "Clear water... The end."}},
		{"The talks were held at St. Petersburg. Dr. Wang of Tsinghua Univ. attended.", []string{"The talks were held at St. Petersburg.", "Dr. Wang of Tsinghua Univ. attended."}},
		{"He said so. “ Later, he changed his mind.", []string{"He said so. “", "Later, he changed his mind."}},
		{"See section 3.2.1 for details. Thanks.", []string{"See section 3.2.1 for details.", "Thanks."}},
		{"", nil},
	} {
		got := SplitEnglish(c.text)
		checkSpans(t, c.text, got)
		if !slices.Equal(texts(got), c.want) {
			t.Errorf("SplitEnglish(%q)\n got %q\nwant %q", c.text, texts(got), c.want)
		}
	}
}

func TestKinds(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		lang Lang
		want []Kind
	}{
		{"发布时间:2025-06-19 09:06:35 | 来源:新华网 | 作者: | 责任编辑:曹川川当地时间6月17日上午,习近平会见拉赫蒙。新华社记者 李涛 摄", Chinese, []Kind{Metadata, Caption, Caption}},
		{"来源：新华网当地时间6月17日,习近平会见拉赫蒙。", Chinese, []Kind{Body}},
		{"责任编辑：张三", Chinese, []Kind{Metadata}},
		{"记者：您怎么看？", Chinese, []Kind{Body}},
		{"（记者 张三）", Chinese, []Kind{Metadata}},
		{"新华社记者 李涛 燕雁", Chinese, []Kind{Metadata}},
		{"本报记者 王思硕", Chinese, []Kind{Metadata}},
		{"中国记者协会", Chinese, []Kind{Title}},
		{"新华社记者陈尚营、王立武、刘夏村", Chinese, []Kind{Metadata}},
		{"新华社发 商海春 作", Chinese, []Kind{Caption}},
		{"（新华社记者 燕雁 摄）", Chinese, []Kind{Caption}},
		{"图片来源：视觉中国", Chinese, []Kind{Caption}},
		{"习近平会见塔吉克斯坦总统拉赫蒙", Chinese, []Kind{Title}},
		{"拉赫蒙表示，合作良好。习近平指出，合作很好。中方支持。新华社记者 李涛 摄", Chinese, []Kind{Body, Body, Body, Caption}},
		{"习近平指出，合作很好。中方支持。新华社记者 李涛 摄", Chinese, []Kind{Caption, Caption, Caption}},
		{"Editor: Li Yan", English, []Kind{Metadata}},
		{"2020-07-26 05:03:17 Source: Beijing Youth Daily Author: Wang Sishuo Editor: Wang Sishuo", English, []Kind{Metadata}},
		{"Edited by Chen Shangying, Wang Liwu and Liu Xiacun", English, []Kind{Metadata}},
		{"(According to Reuters reports)", English, []Kind{Metadata}},
		{"(Journalist: Li Li)", English, []Kind{Metadata}},
		{"2020-07-26 17:37:29 Source: www.ce.cn Author: Zhu Yanjing Editor: Zhu Yanjing", English, []Kind{Metadata}},
		{"He said, “Vietnam deserves ASEAN’s thanks for these things. “", English, []Kind{Body}},
		{"the directions of agricultural modernization, ”", English, []Kind{Body}},
		{"（根据路透社报道）", Chinese, []Kind{Metadata}},
		{"（参与记者：尹南、张笑然、倪瑞捷）", Chinese, []Kind{Metadata}},
		{"“We hope that the flooding ends soon. ”", English, []Kind{Body}},
		{"He wrote a book by hand in Beijing", English, []Kind{Title}},
		{"By Li Tao", English, []Kind{Metadata}},
		{"Xinhua | Updated: 2025-06-17 10:00", English, []Kind{Metadata}},
		{"Photo by Li Tao", English, []Kind{Caption}},
		{"(Xinhua/Li Tao)", English, []Kind{Caption}},
		{"Xi meets Rahmon in Astana, June 17, 2025. (Xinhua/Li Tao)", English, []Kind{Caption}},
		{"BEIJING, June 17 (Xinhua) -- Xi met Rahmon.", English, []Kind{Body}},
		{"Xi calls on China, Tajikistan to expand trade", English, []Kind{Title}},
		{"The two sides should:", English, []Kind{Body}},
	} {
		got := splitParagraph(c.text, c.lang, "")
		checkSpans(t, c.text, got)
		kinds := make([]Kind, len(got))
		for i, s := range got {
			kinds[i] = s.Kind
		}
		if !slices.Equal(kinds, c.want) {
			t.Errorf("%q: kinds %v, want %v (sentences %q)", c.text, kinds, c.want, texts(got))
		}
	}
}

func TestClauses(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		want []string
	}{
		{"协调推进各领域合作；扩大双边贸易；打击“三股势力”。", []string{"协调推进各领域合作；", "扩大双边贸易；", "打击“三股势力”。"}},
		{"他说：我们要合作。", []string{"他说：", "我们要合作。"}},
		{"The meeting began at 09:06 in Astana.", nil},
		{"See https://example.com now.", nil},
		{"Note: this; that.", []string{"Note:", "this;", "that."}},
		{"结尾分号；", nil},
	} {
		var got []string
		for _, sp := range clauseSpans(c.text) {
			got = append(got, c.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("clauses of %q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestLinesFormat: sentence i is line i+1, whatever the lines hold.
func TestLinesFormat(t *testing.T) {
	t.Parallel()
	input := "第一行。第二句。\r\n\r\n  Third line.  \nlast"
	doc, err := Read(strings.NewReader(input), "lines.txt", ReadOptions{Format: FormatLines})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"第一行。第二句。", "", "Third line.", "last"}
	if !slices.Equal(texts(doc.Sentences), want) {
		t.Fatalf("lines: %q, want %q", texts(doc.Sentences), want)
	}
	for i, s := range doc.Sentences {
		if s.Para != i || input[s.Start:s.End] != s.Text || !utf8.ValidString(s.Text) {
			t.Errorf("line %d: %+v", i, s)
		}
	}
}
