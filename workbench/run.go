package workbench

import (
	"crypto/sha256"
	"net/http"
	"sync"
	"time"

	"github.com/spsim/spsim/study"
)

// begin waits for the request's turn in the queue. It answers 503 itself
// when the queue is full; while waiting it starts the stream to tell the
// page how many runs are ahead. ok is false when the request is over.
func (s *Server) begin(w http.ResponseWriter, r *http.Request) (st *stream, release func(), ok bool) {
	release, err := s.queue.acquire(r.Context(), func(ahead int) {
		if st == nil { // one stream, its header written once
			st = newStream(w)
		}
		st.send(message{Type: "queued", Ahead: ahead})
	})
	if err != nil {
		if st == nil {
			fail(w, err)
		}
		return nil, nil, false
	}
	if st == nil {
		st = newStream(w)
	}
	return st, release, true
}

// runJob answers a planning error (err) as a failed request, or queues job
// j, sends first on its stream, runs it and reports a failed run on the
// stream. With ok it returns the result, the stream to send it on and when
// the run started; the caller calls release once it has sent the result.
func (s *Server) runJob(w http.ResponseWriter, r *http.Request, j *job, err error, first ...message) (res any, st *stream, start time.Time, release func(), ok bool) {
	if err != nil {
		fail(w, err)
		return nil, nil, start, nil, false
	}
	st, rel, ok := s.begin(w, r)
	if !ok {
		j.close()
		return nil, nil, start, nil, false
	}
	release = func() { rel(); j.close() }
	for _, m := range first {
		st.send(m)
	}
	start = now()
	res, err = j.execute(r.Context(), func(p study.Progress) { st.send(message{Type: "progress", Done: p.Done, Of: p.Total, Cap: p.Cap}) })
	switch {
	case r.Context().Err() != nil:
	case err != nil:
		st.send(message{Type: "error", Error: err.Error()})
	default:
		return res, st, start, release, true
	}
	release()
	return nil, nil, start, nil, false
}

// serveJob plans a job, runs it, streaming its progress, and sends the
// page's view of its result, made by view from the result and the seconds
// it took. A plan that fails is refused before anything runs.
func (s *Server) serveJob(w http.ResponseWriter, r *http.Request, plan func() (*job, error), view func(j *job, res any, seconds float64) (any, error)) {
	j, err := plan()
	res, st, start, release, ok := s.runJob(w, r, j, err)
	if !ok {
		return
	}
	defer release()
	v, err := view(j, res, since(start))
	if err != nil {
		st.send(message{Type: "error", Error: err.Error()})
		return
	}
	st.send(message{Type: "result", Result: v})
}

// handleRun runs a scenario and streams its progress and results. The run
// stops when the page cancels or goes away.
func (s *Server) handleRun(w http.ResponseWriter, r *http.Request) {
	var req scenarioRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	cfg, view, err := s.prepare(req)
	var j *job
	if err == nil {
		j, err = s.planRun(cfg)
	}
	res, st, start, release, ok := s.runJob(w, r, j, err, message{Type: "scenario", Scenario: view})
	if !ok {
		return
	}
	defer release()
	rr := res.(*study.RunResult)
	cleanSources(rr.Sources)
	s.runs.put(view.TOML, rr)
	v, err := newRunView(rr)
	if err != nil {
		st.send(message{Type: "error", Error: err.Error()})
		return
	}
	v.Seconds = since(start)
	v.Notes = pageNotes(rr.Warnings)
	st.send(message{Type: "result", Result: v})
}

// runCache keeps the last few runs, so that downloads after a run do not
// run it again. A run is found by its resolved TOML, which fixes its
// numbers.
type runCache struct {
	mu    sync.Mutex
	items []cachedRun
}

type cachedRun struct {
	key [32]byte
	run *study.RunResult
}

// cacheSize bounds the runs kept; England's are about 50 MB each.
const cacheSize = 3

func (c *runCache) put(text string, r *study.RunResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = append([]cachedRun{{sha256.Sum256([]byte(text)), r}}, c.items...)
	if len(c.items) > cacheSize {
		c.items = c.items[:cacheSize]
	}
}

func (c *runCache) get(text string) (*study.RunResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := sha256.Sum256([]byte(text))
	for _, it := range c.items {
		if it.key == k {
			return it.run, true
		}
	}
	return nil, false
}
