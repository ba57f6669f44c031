package workbench

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAPIWrongMethodOrPath: an API call by the wrong method, or one that
// does not exist, is told in JSON what is wrong and what is allowed. GET
// /api/run fell through to the page's files ("404 page not found"), and
// PUT /api/run answered "Method Not Allowed" in plain text with "Allow:
// GET, HEAD, POST", though GET is not allowed.
func TestAPIWrongMethodOrPath(t *testing.T) {
	for _, c := range []struct {
		method, path string
		code         int
		allow, want  string
	}{
		{http.MethodGet, "/api/run", http.StatusMethodNotAllowed, "POST", "/api/run takes POST, not GET"},
		{http.MethodPut, "/api/run", http.StatusMethodNotAllowed, "POST", "/api/run takes POST, not PUT"},
		{http.MethodDelete, "/api/scenarios", http.StatusMethodNotAllowed, "GET, HEAD", "/api/scenarios takes GET, not DELETE"},
		{http.MethodGet, "/api/download", http.StatusMethodNotAllowed, "POST", "takes POST"},
		{http.MethodPost, "/api/nothing", http.StatusNotFound, "", `no API call named "/api/nothing"`},
		{http.MethodGet, "/api/../../etc/passwd", http.StatusNotFound, "", "/api/run"},
	} {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			req := httptest.NewRequest(c.method, "/", strings.NewReader("{}"))
			req.URL.Path = c.path // as sent, not cleaned
			w := httptest.NewRecorder()
			newTestServer().ServeHTTP(w, req)
			var e apiError
			if w.Code != c.code || json.Unmarshal(w.Body.Bytes(), &e) != nil || !strings.Contains(e.Error, c.want) {
				t.Errorf("%d %q, want %d with JSON saying %q", w.Code, w.Body.String(), c.code, c.want)
			}
			if got := w.Header().Get("Allow"); got != c.allow {
				t.Errorf("Allow: %q, want %q", got, c.allow)
			}
		})
	}
	// The right method is still answered.
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		w := httptest.NewRecorder()
		newTestServer().ServeHTTP(w, httptest.NewRequest(m, "/api/scenarios", nil))
		if w.Code != http.StatusOK {
			t.Errorf("%s /api/scenarios: %d", m, w.Code)
		}
	}
}
