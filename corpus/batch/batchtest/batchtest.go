// Package batchtest generates corpora of article pairs for tests and
// benchmarks of batch alignment: Chinese news-like articles and their
// English editions, with the usual differences (sentences merged, split or
// left untranslated), reproducible from a seed.
package batchtest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// template is a sentence in both languages; each %d and %s is filled from
// the same values on both sides.
type template struct{ zh, en string }

var templates = []template{
	{"%s代表团于%d月%d日抵达北京，开始为期%d天的访问。", "The %s delegation arrived in Beijing on month %d, day %d for a %d-day visit."},
	{"双方签署了%d项合作协议，涉及贸易、能源和教育等领域。", "The two sides signed %d cooperation agreements covering trade, energy and education."},
	{"今年前%d个月，%s的出口额同比增长%d.%d%%。", "In the first %d months of the year, exports from %s rose by %d.%d percent year on year."},
	{"%s市政府表示，将在%d年前新建%d所学校。", "The government of %s said it would build %d new schools before %d."},
	{"据统计，%d名游客在假期期间参观了%s博物馆。", "According to statistics, %d tourists visited the %s museum during the holiday."},
	{"专家指出，%s的经济结构正在发生深刻变化。", "Experts pointed out that the economic structure of %s is undergoing profound change."},
	{"会议强调，要坚持创新驱动发展战略，推动高质量发展。", "The meeting stressed the need to pursue innovation-driven development and promote high-quality growth."},
	{"%s大学的研究团队在《自然》杂志上发表了%d篇论文。", "A research team from %s University published %d papers in the journal Nature."},
	{"当地时间%d日，%s举行了盛大的庆祝活动。", "On the %dth local time, %s held a grand celebration."},
	{"铁路部门预计，春运期间将发送旅客%d万人次。", "The railway authorities expect to carry %d0,000 passengers during the Spring Festival travel rush."},
}

var places = [][2]string{
	{"上海", "Shanghai"}, {"广州", "Guangzhou"}, {"四川", "Sichuan"}, {"香港", "Hong Kong"},
	{"德国", "Germany"}, {"法国", "France"}, {"巴西", "Brazil"}, {"肯尼亚", "Kenya"},
	{"云南", "Yunnan"}, {"新加坡", "Singapore"},
}

// fill renders a template with the same values on both sides.
func fill(r *rand.Rand, t template) (zh, en string) {
	place := places[r.IntN(len(places))]
	nums := []int{r.IntN(12) + 1, r.IntN(28) + 1, r.IntN(30) + 2, r.IntN(9) + 1}
	render := func(format, name string, order []int) string {
		var args []any
		k := 0
		for i := 0; i+1 < len(format); i++ {
			if format[i] != '%' {
				continue
			}
			switch format[i+1] {
			case 's':
				args = append(args, name)
			case 'd':
				args = append(args, nums[order[k%len(order)]])
				k++
			}
			i++
		}
		return fmt.Sprintf(format, args...)
	}
	zh = render(t.zh, place[0], []int{0, 1, 2, 3})
	en = render(t.en, place[1], []int{0, 1, 2, 3})
	return zh, en
}

// Article returns one article pair of about n sentences: Chinese lines and
// English lines (one sentence per line, one paragraph per line). Now and
// then two English sentences render one Chinese one, two Chinese sentences
// share one English line, or a Chinese sentence has no English.
func Article(r *rand.Rand, n int) (zh, en []string) {
	for range n {
		z, e := fill(r, templates[r.IntN(len(templates))])
		switch p := r.IntN(20); {
		case p == 0: // untranslated
			zh = append(zh, z)
		case p == 1 && len(en) > 0: // merged into the previous English line
			zh = append(zh, z)
			en[len(en)-1] += " " + e
		case p == 2: // split in two English sentences
			z2, e2 := fill(r, templates[r.IntN(len(templates))])
			zh = append(zh, strings.TrimSuffix(z, "。")+"；"+z2)
			en = append(en, e, e2)
		default:
			zh = append(zh, z)
			en = append(en, e)
		}
	}
	return zh, en
}

// WriteCorpus writes n article pairs of 10 to 30 sentences into dir/zh
// and dir/en, named 00001.txt…, reproducibly from seed.
func WriteCorpus(dir string, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 0x62697465787421))
	for _, side := range []string{"zh", "en"} {
		if err := os.MkdirAll(filepath.Join(dir, side), 0o755); err != nil {
			return err
		}
	}
	for i := range n {
		zh, en := Article(r, 10+r.IntN(21))
		name := fmt.Sprintf("%05d.txt", i+1)
		if err := os.WriteFile(filepath.Join(dir, "zh", name), []byte(strings.Join(zh, "\n\n")+"\n"), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "en", name), []byte(strings.Join(en, "\n\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}
