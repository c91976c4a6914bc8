package tm

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// benchUnits are n units of news-like text.
func benchUnits(n int) []Unit {
	units := make([]Unit, n)
	for i := range units {
		units[i] = Unit{
			ID:            fmt.Sprintf("doc-%d", i),
			ZH:            fmt.Sprintf("今年前%d个月，上海的出口额同比增长百分之%d，其中机电产品出口增长较快。", i%12+1, i%30),
			EN:            fmt.Sprintf("In the first %d months, Shanghai's exports rose by %d percent year on year, led by machinery & electronics <fast>.", i%12+1, i%30),
			Doc:           "doc",
			Bead:          "1-1",
			Confidence:    0.9,
			HasConfidence: true,
		}
	}
	return units
}

func encodeAll(b *testing.B, f Format, units []Unit) []byte {
	var buf bytes.Buffer
	w, err := NewWriter(f, &buf, WriterOptions{Columns: AllColumns})
	if err != nil {
		b.Fatal(err)
	}
	for _, u := range units {
		w.Write(u)
	}
	w.Close()
	return buf.Bytes()
}

func BenchmarkWrite(b *testing.B) {
	units := benchUnits(1000)
	for _, f := range []Format{TMX, TSV, JSONL} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(encodeAll(b, f, units))))
			for b.Loop() {
				w, _ := NewWriter(f, io.Discard, WriterOptions{Columns: AllColumns})
				for _, u := range units {
					w.Write(u)
				}
				w.Close()
			}
		})
	}
}

func BenchmarkRead(b *testing.B) {
	units := benchUnits(1000)
	for _, f := range []Format{TMX, TSV, JSONL} {
		data := encodeAll(b, f, units)
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r, _ := NewReader(f, bytes.NewReader(data), "bench")
				n := 0
				for r.Scan() {
					n++
				}
				if r.Err() != nil || n != len(units) {
					b.Fatalf("%d units, %v", n, r.Err())
				}
			}
		})
	}
}
