package workbench

import (
	"bytes"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"maps"
	"net"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/spsim/spsim/scenarios"
)

//go:embed assets
var assets embed.FS

// Limits bound what one request may ask of the server.
type Limits struct {
	BodyBytes     int64 // largest request body
	ExtractBytes  int64 // largest request body with a referral extract
	ScenarioBytes int   // largest scenario text
	Replications  int   // most replications a request may ask for
	Pinned        int   // most scenarios in a comparison
	SweepPoints   int   // most values in a sweep, or of one lever of a plan
	Candidates    int   // most combinations of levers a plan searches
	Waiting       int   // most runs waiting in the queue
	// Events and Bytes bound the estimate of a whole request, as the
	// command line's limits bound a run without --allow-large; a
	// request's events are held to a tenth of the command line's.
	Events float64
	Bytes  float64
}

// DefaultLimits suit one commissioner's browser on a laptop.
var DefaultLimits = Limits{
	BodyBytes:     2 << 20,
	ExtractBytes:  32 << 20, // about 500,000 referrals, in base64
	ScenarioBytes: 256 << 10,
	Replications:  100,
	Pinned:        4,
	SweepPoints:   12,
	Candidates:    40,
	Waiting:       8,
	Events:        2e9, // a few minutes: a request ties up the server it shares
	Bytes:         8 << 30,
}

// Options configure a Server.
type Options struct {
	Limits  Limits
	Version string // spsim's version, for reports
	Jobs    int    // parallel workers for a run; 0 means all cores
	Log     *log.Logger
	// AnyHost answers requests whatever host name they were sent to, for
	// a server that listens beyond this machine. Otherwise only this
	// machine's names are answered (localhost, 127.0.0.1, [::1]), so that
	// a web page that points its own name at this machine (DNS rebinding)
	// cannot drive the workbench or read its results.
	AnyHost bool
}

// Server is the workbench: its handler serves the page, the assets and
// the JSON API the page calls.
type Server struct {
	lim   Limits
	opt   Options
	queue *queue
	mux   *http.ServeMux
	runs  runCache
	api   map[string]string // each API call's path: its method
}

// New makes a workbench server.
func New(opt Options) *Server {
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits
	}
	if opt.Log == nil {
		opt.Log = log.New(io.Discard, "", 0)
	}
	s := &Server{lim: opt.Limits, opt: opt, queue: newQueue(opt.Limits.Waiting), mux: http.NewServeMux()}
	static, _ := fs.Sub(assets, "assets")
	s.mux.Handle("GET /", http.FileServerFS(static))
	// An extract is up to ExtractBytes and its reading takes memory in
	// proportion: one at a time, in the runs' queue, so that several
	// browsers cannot exhaust memory. Its body arrives before it takes
	// its turn (inTurn).
	s.api = map[string]string{}
	for _, rt := range []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/api/scenarios", s.handleScenarios},
		{"GET", "/api/inputs", handleInputs},
		{"POST", "/api/open", s.handleOpen},
		{"POST", "/api/check", s.handleCheck},
		{"POST", "/api/run", s.handleRun},
		{"POST", "/api/compare", s.handleCompare},
		{"POST", "/api/sweep", s.handleSweep},
		{"POST", "/api/optimise", s.handleOptimise},
		{"POST", "/api/sensitivity", s.handleSensitivity},
		{"POST", "/api/download", s.handleDownload},
		{"POST", "/api/download-compare", s.handleDownloadCompare},
		{"POST", "/api/download-sweep", s.handleDownloadSweep},
		{"POST", "/api/download-plan", s.handleDownloadPlan},
		{"POST", "/api/download-drivers", s.handleDownloadDrivers},
		{"POST", "/api/calibrate", s.inTurn(handleJSON(s.calibrate))},
		{"POST", "/api/caseload", s.inTurn(handleJSON(s.caseload))},
		{"POST", "/api/areas", s.inTurn(handleJSON(s.areas))},
	} {
		s.mux.HandleFunc(rt.method+" "+rt.path, rt.h)
		s.api[rt.path] = rt.method
	}
	return s
}

// ServeHTTP serves the workbench with its safety headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Nothing on the page comes from elsewhere, and nothing may frame it.
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no-referrer a form post carries
	// "Origin: null" and would be refused below.
	h.Set("Referrer-Policy", "same-origin")
	if !s.opt.AnyHost && !localHost(r.Host) {
		s.opt.Log.Printf("%s %s refused: Host %s", r.Method, r.URL.Path, r.Host)
		httpError(w, http.StatusMisdirectedRequest, "the workbench answers only at this machine's own names (localhost, 127.0.0.1); serve it with --addr on another address to reach it by other names")
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/") && !s.apiCall(w, r) {
		return
	}
	if r.Method == http.MethodPost {
		// A page on another site may not drive the workbench.
		if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
			s.opt.Log.Printf("%s %s refused: Origin %s", r.Method, r.URL.Path, o)
			httpError(w, http.StatusForbidden, "requests from another site's page are refused")
			return
		}
		limit := s.lim.BodyBytes
		if slices.Contains(extractPaths, r.URL.Path) {
			limit = max(limit, s.lim.ExtractBytes)
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	start := time.Now()
	s.mux.ServeHTTP(w, r)
	s.opt.Log.Printf("%s %s %.3fs", r.Method, r.URL.Path, time.Since(start).Seconds())
}

// apiCall answers a request for an API call that does not exist, or by
// a method the call does not take, in JSON saying what is allowed (the
// mux would answer in plain text, or serve GET /api/run from the page's
// files as "404 page not found"); it reports whether the call goes on.
func (s *Server) apiCall(w http.ResponseWriter, r *http.Request) bool {
	method, ok := s.api[r.URL.Path]
	switch {
	case !ok:
		httpError(w, http.StatusNotFound, fmt.Sprintf("no API call named %s (calls: %s)", short(r.URL.Path), strings.Join(slices.Sorted(maps.Keys(s.api)), ", ")))
		return false
	case r.Method == method || r.Method == http.MethodHead && method == http.MethodGet:
		return true
	}
	allow := method
	if method == http.MethodGet {
		allow += ", " + http.MethodHead
	}
	w.Header().Set("Allow", allow)
	httpError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s takes %s, not %s", r.URL.Path, method, cut(r.Method))) // a token: net/http refuses any other
	return false
}

// extractPaths are the API calls that carry a local extract, which may be
// larger than a scenario.
var extractPaths = []string{"/api/calibrate", "/api/caseload", "/api/areas"}

// localHost reports whether a request's Host names this machine: localhost
// (or a name under it), or a loopback address. A request without a Host
// cannot come from a browser's page, and is answered.
func localHost(host string) bool {
	if host == "" {
		return true
	}
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		name = host
	}
	name = strings.ToLower(strings.Trim(name, "[]"))
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && ip.IsLoopback()
}

func sameOrigin(origin, host string) bool {
	_, rest, ok := strings.Cut(origin, "://")
	return ok && rest == host
}

// apiError is the body of every error answer.
type apiError struct {
	Error    string    `json:"error"`
	Problems []problem `json:"problems,omitempty"`
}

func httpError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, apiError{Error: msg})
}

// fail answers a request that cannot be done, with the status its error
// calls for.
func fail(w http.ResponseWriter, err error) {
	var bad *badScenario
	var tooBig *http.MaxBytesError
	var large *tooLarge
	var unknown errUnknown
	var extract *badExtract
	switch {
	case errors.As(err, &extract):
		httpError(w, http.StatusUnprocessableEntity, extract.Error())
	case errors.As(err, &unknown):
		httpError(w, http.StatusNotFound, unknown.Error())
	case errors.As(err, &tooBig):
		httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request is over the workbench's limit of %d KiB", tooBig.Limit>>10))
	case errors.As(err, &bad):
		writeJSON(w, http.StatusUnprocessableEntity, apiError{Error: "the scenario has problems", Problems: bad.problems})
	case errors.As(err, &large):
		httpError(w, http.StatusUnprocessableEntity, large.Error())
	case errors.Is(err, errBusy):
		w.Header().Set("Retry-After", "5")
		httpError(w, http.StatusServiceUnavailable, err.Error())
	case errors.Is(err, errBadRequest):
		// The status says it was a bad request; the words say what.
		httpError(w, http.StatusBadRequest, strings.Replace(err.Error(), errBadRequest.Error()+": ", "", 1))
	default:
		httpError(w, http.StatusInternalServerError, err.Error())
	}
}

var errBadRequest = errors.New("bad request")

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// readJSON decodes a request body strictly: no unknown field, no key
// given twice, nothing after the one value.
func readJSON(r *http.Request, v any) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err // too large: the limit's error, answered as such
	}
	return decodeStrict(body, v, "the body")
}

// decodeStrict decodes one JSON value of a request strictly, as readJSON
// does; what names it in the error ("the body", or "the request" that a
// download form carries), so that every face refuses the same request
// with the same words.
func decodeStrict(data []byte, v any, what string) error {
	if k, twice := duplicateKey(data); twice {
		return fmt.Errorf("%w: %s is not the JSON the page sends: %q is given twice", errBadRequest, what, k)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %s is not the JSON the page sends: %s", errBadRequest, what, jsonProblem(err, what))
	}
	// One request, one value: text after it is not silently dropped.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: %s is not the JSON the page sends: more after the request's one value", errBadRequest, what)
	}
	return nil
}

// jsonProblem says what is wrong with a request's JSON in words, not in
// Go's types ("name: want text, got a number", not "cannot unmarshal
// number into Go struct field scenarioRequest.name of type string").
func jsonProblem(err error, what string) string {
	var typ *json.UnmarshalTypeError
	var syn *json.SyntaxError
	var b64 base64.CorruptInputError
	switch {
	case errors.Is(err, io.EOF):
		return "it is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ends before the JSON does"
	case errors.As(err, &syn):
		return fmt.Sprintf("it is not JSON (at byte %d)", syn.Offset)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = what
		}
		if n, ok := strings.CutPrefix(typ.Value, "number "); ok && typ.Type.Kind() == reflect.Float64 {
			// A number, yet not one a float64 can hold (1e400).
			return fmt.Sprintf("%s: %s is too large a number to read", field, n)
		}
		return fmt.Sprintf("%s: want %s, got %s", field, jsonKind(typ.Type), typ.Value)
	case errors.As(err, &b64):
		// A file's bytes are the one base64 field of any request.
		return fmt.Sprintf("data: want a file's bytes as base64 text, and it is not base64 from character %d", int64(b64)+1)
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "unknown field " + f
	}
	return err.Error()
}

// jsonKind names the JSON a Go type takes.
func jsonKind(t reflect.Type) string {
	if t == reflect.TypeFor[[]byte]() {
		return "a file's bytes as base64 text"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// handleScenarios lists the built-in scenarios and the question each answers.
func (s *Server) handleScenarios(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, scenarios.List())
}

// handleInputs lists what the screening ("What matters") can vary, in the
// vocabulary's words and from its ranges (scenarios.ScreenInputs).
func handleInputs(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, scenarios.ScreenInputs())
}

// inTurn serves h when the queue gives the request its turn, as a run
// waits for its own; a full queue answers 503, as for a run. The body is
// read first, as a run's is before it queues: an upload still arriving
// (a slow link, or a client that never finishes) holds no turn, so it
// cannot keep every other tab's runs waiting. Its reading into a
// scenario, which takes the memory, is done in turn.
func (s *Server) inTurn(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			fail(w, err) // too large: the limit's error, answered as such
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		release, err := s.queue.acquire(r.Context(), nil)
		if err != nil {
			fail(w, err)
			return
		}
		defer release()
		h(w, r)
	}
}

// handleJSON answers a request whose JSON body do turns into a JSON
// answer, or into the error's status and message.
func handleJSON[Req, Resp any](do func(Req) (Resp, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req Req
		if err := readJSON(r, &req); err != nil {
			fail(w, err)
			return
		}
		v, err := do(req)
		if err != nil {
			fail(w, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}
