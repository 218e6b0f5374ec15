// Command benchmath is the reference for benchgate's statistics tests: it
// reads sample sets as JSON on stdin and prints what golang.org/x/perf's
// benchmath computes for them, with every float in shortest round-trip form
// ('g', -1) so the TypeScript side can compare bit for bit or to 1e-9.
//
// Input:  {"cases":[{"a":[...],"b":[...],"confidence":0.95,"alpha":0.05}],
//
//	"geomeans":[[...],...], "cis":[{"n":10,"confidence":0.95}], "lgammas":[1,2,...]}
//
// Output: one JSON object with "cases", "geomeans", "cis" (median interval order statistics)
// and "lgammas" (Go's math.Lgamma, which go-moremath's binomial coefficients are built on)
// in input order.
// Floats are strings because JSON has no ±Inf or NaN.
package main

import (
	"encoding/json"
	"math"
	"os"
	"strconv"

	"github.com/aclements/go-moremath/stats"
	"golang.org/x/perf/benchmath"
)

type input struct {
	Cases []struct {
		A          []float64 `json:"a"`
		B          []float64 `json:"b"`
		Confidence float64   `json:"confidence"`
		Alpha      float64   `json:"alpha"`
	} `json:"cases"`
	Geomeans [][]float64 `json:"geomeans"`
	CIs      []struct {
		N          int     `json:"n"`
		Confidence float64 `json:"confidence"`
	} `json:"cis"`
	Lgammas []float64 `json:"lgammas"`
}

type summary struct {
	Center, Lo, Hi string
	Warnings       []string
}

type comparison struct {
	P, Alpha string
	N1, N2   int
	Warnings []string
}

type result struct {
	Nothing assumption `json:"nothing"`
	Exact   assumption `json:"exact"`
}

type assumption struct {
	A   summary    `json:"a"`
	B   summary    `json:"b"`
	Cmp comparison `json:"cmp"`
}

type ci struct {
	Lo, Hi int
}

func f(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func texts(errs []error) []string {
	out := []string{}
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func summarize(s benchmath.Summary) summary {
	return summary{f(s.Center), f(s.Lo), f(s.Hi), texts(s.Warnings)}
}

func run(as benchmath.Assumption, a, b []float64, confidence, alpha float64) assumption {
	th := &benchmath.Thresholds{CompareAlpha: alpha}
	// NewSample sorts in place: give each its own copy.
	sa := benchmath.NewSample(append([]float64(nil), a...), th)
	sb := benchmath.NewSample(append([]float64(nil), b...), th)
	c := as.Compare(sa, sb)
	return assumption{
		A:   summarize(as.Summary(sa, confidence)),
		B:   summarize(as.Summary(sb, confidence)),
		Cmp: comparison{f(c.P), f(c.Alpha), c.N1, c.N2, texts(c.Warnings)},
	}
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	var out struct {
		Cases    []result `json:"cases"`
		Geomeans []string `json:"geomeans"`
		CIs      []ci     `json:"cis"`
		Lgammas  []string `json:"lgammas"`
	}
	out.Cases = []result{}
	out.Geomeans = []string{}
	out.CIs = []ci{}
	out.Lgammas = []string{}
	for _, c := range in.Cases {
		out.Cases = append(out.Cases, result{
			Nothing: run(benchmath.AssumeNothing, c.A, c.B, c.Confidence, c.Alpha),
			Exact:   run(benchmath.AssumeExact, c.A, c.B, c.Confidence, c.Alpha),
		})
	}
	for _, g := range in.Geomeans {
		out.Geomeans = append(out.Geomeans, f(stats.GeoMean(g)))
	}
	for _, q := range in.CIs {
		r := stats.QuantileCI(q.N, 0.5, q.Confidence)
		out.CIs = append(out.CIs, ci{r.LoOrder, r.HiOrder})
	}
	for _, x := range in.Lgammas {
		lg, _ := math.Lgamma(x)
		out.Lgammas = append(out.Lgammas, f(lg))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
