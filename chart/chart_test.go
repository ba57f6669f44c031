package chart

import (
	"bytes"
	"image/png"
	"testing"

	"gonum.org/v1/plot/plotter"
)

// TestRenderDeterministic: a chart renders to a valid PNG and an SVG,
// byte for byte the same each time.
func TestRenderDeterministic(t *testing.T) {
	draw := func() ([]byte, []byte) {
		p := New("title", "x", "y")
		s, err := plotter.NewScatter(plotter.XYs{{X: 1, Y: 2}, {X: 3, Y: 4}})
		if err != nil {
			t.Fatal(err)
		}
		p.Add(s)
		f, err := Render(p, "test", "caption", 4, 3)
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.PNG()
		if err != nil {
			t.Fatal(err)
		}
		return b, f.SVG
	}
	png1, svg1 := draw()
	png2, svg2 := draw()
	if !bytes.Equal(png1, png2) || !bytes.Equal(svg1, svg2) {
		t.Error("the same chart rendered twice differs")
	}
	if _, err := png.Decode(bytes.NewReader(png1)); err != nil {
		t.Errorf("PNG: %v", err)
	}
	if !bytes.Contains(svg1, []byte("<svg")) {
		t.Error("no SVG")
	}
}
