package check_test

import (
	"fmt"
	"os"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
)

func Example() {
	c, err := check.New([]glossary.Entry{
		{ZH: "一带一路", EN: "Belt and Road Initiative", Status: glossary.Approved},
		{ZH: "一带一路", EN: "One Belt One Road", Status: glossary.Forbidden},
		{ZH: "国会", EN: "Congress"},
	}, check.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	in := &check.Input{Name: "review.tsv", Segments: []check.Segment{
		{Pos: 1, Line: 1, ZH: "推进一带一路建设。", EN: "Promote the Belt-and-Road initiatives."},
		{Pos: 2, Line: 2, ZH: "他在中国会展中心发言。", EN: "He spoke at the China Convention Center."},
		{Pos: 3, Line: 3, ZH: "6月17日，双方讨论了One Belt One Road。", EN: "On June 18, they discussed One Belt One Road."},
	}}
	fs := c.Check(in)
	var sum check.Summary
	sum.AddInput(in)
	sum.Add(fs)
	check.WriteText(os.Stdout, fs, sum)
	// Output:
	// review.tsv:3: error forbidden-term: forbidden rendering "One Belt One Road"; use "Belt and Road Initiative"
	//     zh: 6月17日，双方讨论了One Belt One Road。
	//     en: On June 18, they discussed [One Belt One Road].
	//     expected: Belt and Road Initiative
	// review.tsv:3: error number-mismatch: 6月17日 (June 17) has no counterpart in the translation; it has June 18
	//     zh: 【6月17日】，双方讨论了One Belt One Road。
	//     en: On [June 18], they discussed One Belt One Road.
	//     expected: June 17
	// 2 finding(s) (2 error(s), 0 warning(s)) in 3 segment(s): forbidden-term 1, number-mismatch 1
}
