package workbench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// stalledBody is a request body that signals when it is first read and
// then gives nothing more until it is let go: an upload that stalls.
type stalledBody struct {
	first   string
	reading chan struct{} // closed at the first Read
	goOn    chan struct{} // closed to let the rest through
	rest    io.Reader
	started bool
}

func (b *stalledBody) Read(p []byte) (int, error) {
	if !b.started {
		b.started = true
		return copy(p, b.first), nil
	}
	if b.reading != nil {
		close(b.reading)
		b.reading = nil
		<-b.goOn
	}
	return b.rest.Read(p)
}

// TestUploadWaitsForItsBodyOutOfTurn: an extract's request that is still
// arriving holds no turn in the runs' queue. It took its turn first and
// then read its body, so an upload that stalled (a slow link, a client
// that never finished) kept every run of every tab waiting for as long as
// its connection stayed open.
func TestUploadWaitsForItsBodyOutOfTurn(t *testing.T) {
	for _, path := range extractPaths {
		t.Run(path, func(t *testing.T) {
			s := newTestServer()
			body := &stalledBody{first: `{"file":"a.csv",`, reading: make(chan struct{}), goOn: make(chan struct{}),
				rest: strings.NewReader(`"data":""}`)}
			reading := body.reading
			req := httptest.NewRequest(http.MethodPost, path, body)
			w := httptest.NewRecorder()
			done := make(chan struct{})
			go func() {
				s.ServeHTTP(w, req)
				close(done)
			}()
			<-reading // the handler waits for the rest of the body
			if n := s.queue.length(); n != 0 {
				t.Errorf("an upload still arriving holds %d turn(s) of the runs' queue", n)
			}
			close(body.goOn)
			<-done
			if w.Code == http.StatusOK || !strings.Contains(w.Body.String(), "error") {
				t.Errorf("an empty extract answered %d: %s", w.Code, w.Body.String())
			}
			if n := s.queue.length(); n != 0 {
				t.Errorf("%d turn(s) still held after the answer", n)
			}
		})
	}
}
