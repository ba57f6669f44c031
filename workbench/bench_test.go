package workbench

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkWhatIf is the page's main path: a lever moved on the baseline
// (a fifth link worker), its 20 replications run, summarised, put in
// words and drawn as SVG, and the whole answer streamed as JSON. The
// target is at most 1 s on a 2-core machine (`make bench`).
func BenchmarkWhatIf(b *testing.B) {
	s := New(Options{Version: "bench", AnyHost: true})
	body := `{"name":"baseline","set":[{"key":"workforce.link_workers","value":5}]}`
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/api/run", strings.NewReader(body))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"type":"result"`) {
			b.Fatalf("status %d: %.300s", w.Code, w.Body.String())
		}
	}
}
