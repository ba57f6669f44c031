package workbench

import (
	"encoding/json"
	"net/http"
	"sync"
)

// stream answers a long request as newline-delimited JSON messages, each
// {"type": ..., ...}, flushed as they happen: the page shows progress and
// can cancel at any time by dropping the request, which cancels the run.
type stream struct {
	mu  sync.Mutex
	w   http.ResponseWriter
	enc *json.Encoder
}

func newStream(w http.ResponseWriter) *stream {
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	return &stream{w: w, enc: json.NewEncoder(w)}
}

// message is one line of a stream.
type message struct {
	Type     string `json:"type"` // scenario, queued, progress, result or error
	Done     int    `json:"done,omitempty"`
	Of       int    `json:"of,omitempty"`
	Cap      bool   `json:"cap,omitempty"` // Of is the most that may run, not what will
	Ahead    int    `json:"ahead,omitempty"`
	Error    string `json:"error,omitempty"`
	Scenario any    `json:"scenario,omitempty"`
	Result   any    `json:"result,omitempty"`
}

func (s *stream) send(m message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.enc.Encode(m)
	if f, ok := s.w.(http.Flusher); ok {
		f.Flush()
	}
}
