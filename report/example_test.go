package report_test

import (
	"fmt"

	"github.com/bitext/bitext/report"
)

func ExampleConcord() {
	pairs := []report.Pair{
		{ZH: "双方将共同打击“三股势力”。", EN: "The two sides will jointly combat terrorism, separatism and extremism."},
		{ZH: "各方同意打击三股势力。", EN: "The parties agreed to fight terrorism, separatism and extremism."},
		{ZH: "會議強調打擊三股勢力。", EN: "The meeting stressed the fight against terrorism, separatism and extremism."},
		{ZH: "三股势力威胁地区安全。", EN: "The three evil forces threaten regional security."},
		{ZH: "双方要打击三股势力。", EN: "The two sides should crack down on the three evil forces."},
		{ZH: "分裂主义不得人心。", EN: "Separatism is unpopular."},
		{ZH: "中方反对极端主义。", EN: "China opposes extremism."},
	}
	c := report.Concord(pairs, "三股势力", report.ConcordOptions{})
	fmt.Println(c.Summary())
	for _, h := range c.Hits {
		p := pairs[h.Pair]
		fmt.Printf("%d: %s\n", h.Pair, p.EN[h.RendSpans[0].Start:h.RendSpans[0].End])
	}
	// Output:
	// 三股势力: terrorism, separatism and extremism (3), three evil forces (2)
	// 0: terrorism, separatism and extremism
	// 1: terrorism, separatism and extremism
	// 2: terrorism, separatism and extremism
	// 3: three evil forces
	// 4: three evil forces
}
