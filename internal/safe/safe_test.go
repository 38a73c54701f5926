package safe

import (
	"sync/atomic"
	"testing"
)

func TestWaitRaisesTheFirstPanic(t *testing.T) {
	var g Group
	var ran atomic.Int32
	release := make(chan struct{})
	g.Go(func() { ran.Add(1); panic("first") })
	g.Go(func() { <-release; ran.Add(1); panic("second") })
	g.Go(func() { ran.Add(1) })
	defer func() {
		r := recover()
		if r != "first" {
			t.Fatalf("Wait raised %v, want the first panic", r)
		}
		if ran.Load() != 3 {
			t.Fatalf("Wait returned before every goroutine ended: %d ran", ran.Load())
		}
	}()
	// The second panics only once the first has been kept.
	for {
		g.mu.Lock()
		kept := g.fault != nil
		g.mu.Unlock()
		if kept {
			break
		}
	}
	close(release)
	g.Wait()
	t.Fatal("Wait did not panic")
}

func TestWaitWithoutPanic(t *testing.T) {
	var g Group
	n := 0
	g.Go(func() { n++ })
	g.Wait()
	if n != 1 {
		t.Fatalf("the goroutine did not run: %d", n)
	}
}

func TestDoKeepsGoing(t *testing.T) {
	var g Group
	jobs := make(chan int)
	done := 0
	g.Go(func() {
		for i := range jobs {
			if ok := g.Do(func() {
				if i == 1 {
					var m map[string]int
					m["x"] = 1 // a runtime panic, as a parser bug would raise
				}
				done++
			}); ok == (i == 1) {
				t.Errorf("Do(%d) said ok=%v", i, ok)
			}
		}
	})
	for i := range 4 {
		jobs <- i // blocks forever if the worker stopped draining
	}
	close(jobs)
	defer func() {
		if recover() == nil {
			t.Fatal("Wait did not raise the kept panic")
		}
		if done != 3 {
			t.Fatalf("%d items done after the panic, want the 3 others", done)
		}
	}()
	g.Wait()
}
