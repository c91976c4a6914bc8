package corpus_test

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/corpus"
)

func ExampleSplitChinese() {
	for _, text := range []string{
		"双方要协调推进各领域合作；扩大双边贸易。他说：“我们要合作。”",
		"习近平在阿斯塔纳会见拉赫蒙。新华社记者 李涛 摄", // a photo caption and its credit
	} {
		for _, s := range corpus.SplitChinese(text) {
			fmt.Printf("%-7s [%d:%d] %s (%d clauses)\n", s.Kind, s.Start, s.End, s.Text, len(s.Clauses))
		}
	}
	// Output:
	// body    [0:60] 双方要协调推进各领域合作；扩大双边贸易。 (2 clauses)
	// body    [60:93] 他说：“我们要合作。” (2 clauses)
	// caption [0:42] 习近平在阿斯塔纳会见拉赫蒙。 (0 clauses)
	// caption [42:68] 新华社记者 李涛 摄 (0 clauses)
}

func ExampleSplitEnglish() {
	text := "BEIJING, June 17 (Xinhua) -- Mr. Xi met Gen. Li in the U.S. capital. They talked. Xi meets Li, June 17, 2025. (Xinhua/Li Tao)"
	for _, s := range corpus.SplitEnglish(text) {
		fmt.Printf("%-7s %s\n", s.Kind, s.Text)
	}
	// Output:
	// body    BEIJING, June 17 (Xinhua) -- Mr. Xi met Gen. Li in the U.S. capital.
	// body    They talked.
	// caption Xi meets Li, June 17, 2025. (Xinhua/Li Tao)
}

func ExampleReadBilingual() {
	input := "习近平会见拉赫蒙\n发布时间:2025-06-19 | 来源:新华网 | 责任编辑:曹川川当地时间6月17日,习近平会见拉赫蒙。\n" +
		"Xi meets Rahmon\nChinese President Xi Jinping met Tajik President Emomali Rahmon on Tuesday.\n"
	zh, en, err := corpus.ReadBilingual(strings.NewReader(input), "story.txt", corpus.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []*corpus.Document{zh, en} {
		for _, s := range d.Sentences {
			fmt.Printf("%s %d %-8s %s\n", s.Lang, s.Para, s.Kind, s.Text)
		}
	}
	// Output:
	// zh 0 title    习近平会见拉赫蒙
	// zh 1 metadata 发布时间:2025-06-19 | 来源:新华网 | 责任编辑:曹川川
	// zh 1 body     当地时间6月17日,习近平会见拉赫蒙。
	// en 0 title    Xi meets Rahmon
	// en 1 body     Chinese President Xi Jinping met Tajik President Emomali Rahmon on Tuesday.
}

func ExampleDecode() {
	_, err := corpus.Decode([]byte("caf\xe9 au lait"), "menu.txt", "")
	fmt.Println(err)
	text, _ := corpus.Decode([]byte("caf\xe9"), "menu.txt", "windows-1252")
	fmt.Println(text)
	// Output:
	// menu.txt (byte 3): invalid or unknown text encoding: byte 0xE9 on line 1 is not UTF-8, and the file is not plausible GB18030 or Big5 Chinese; name its encoding with --encoding
	// café
}

func ExampleScanner() {
	sc := corpus.NewScanner(strings.NewReader("第一句。第二句！\nThird sentence. Fourth one.\n"), "mixed.txt", corpus.ReadOptions{})
	for s := range sc.All() {
		fmt.Println(s.Para, s.Lang, s.Text)
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 0 zh 第一句。
	// 0 zh 第二句！
	// 1 en Third sentence.
	// 1 en Fourth one.
}
