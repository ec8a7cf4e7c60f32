import Dispatch
import Foundation
import Synchronization

/// Parallel work that leaves the dispatch pool alone.
///
/// The preview server's requests and live-reload events run as tasks on the dispatch pool (Swift
/// concurrency's executor on Linux is built on it), and `concurrentPerform` takes every thread
/// of that pool until it returns. A render that goes on in the background for seconds after an
/// edit must not: a thread that says so (`markCurrent`) runs its parallel loops on threads of its
/// own, which the system shares out with the server's, so a reload event is sent when it is made
/// instead of after the render.
///
/// Those threads also run at the system's lowest priority (`SCHED_IDLE`): they get a core only
/// when nothing else wants it. An editor saves again while the last edit's pages are still being
/// rendered in the background; that rebuild (and the requests of the reloaded page) must not
/// share the two cores with work the new edit is about to cancel, or it takes twice as long.
public enum OwnThreads {
    private static let key = "kretslopp.ownThreads"

    /// Makes the parallel loops started on this thread (and on the threads they start) run on
    /// threads of their own, and this thread (and the threads it starts) yield to every other.
    public static func markCurrent() {
        Thread.current.threadDictionary[key] = true
        yieldToOthers()
    }

    /// True when the calling thread runs only on a core nothing else wants.
    public static var isYielding: Bool {
        #if os(Linux)
            sched_getscheduler(0) == idlePolicy
        #else
            false
        #endif
    }

    #if os(Linux)
        // SCHED_IDLE from <sched.h>, which Glibc's module leaves out (it is a GNU extension).
        private static let idlePolicy: Int32 = 5
    #endif

    /// Puts the calling thread in the idle class (on Linux a priority is a thread's, and the
    /// threads it starts inherit it). Lowering one's own priority needs no privilege; a failure
    /// leaves the thread as it was, which is only slower.
    private static func yieldToOthers() {
        #if os(Linux)
            var parameters = sched_param(sched_priority: 0)
            _ = sched_setscheduler(0, idlePolicy, &parameters)
        #endif
    }

    static var isCurrent: Bool { Thread.current.threadDictionary[key] != nil }

    /// `body` for every index in `0..<iterations`, on one thread per core at most (the caller's
    /// among them), each taking the next index as it comes free; returns when all have run.
    static func perform(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        let threads = min(iterations, ProcessInfo.processInfo.activeProcessorCount)
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            // The threads reach the loop through `shared`, emptied once they are done: a thread
            // object outlives its thread, and must not hold the loop when this call returns.
            let shared = Shared(work: {
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < iterations else { return }
                    body(index)
                }
            })
            let done = DispatchSemaphore(value: 0)
            for _ in 1..<max(1, threads) {
                Thread {
                    markCurrent()
                    shared.run()
                    done.signal()
                }.start()
            }
            shared.run()
            for _ in 1..<max(1, threads) { done.wait() }
            shared.clear()
        }
    }

    /// The loop the threads of one `perform` share.
    private final class Shared: @unchecked Sendable {
        // Read by every thread while they run; set to nil once all of them have returned.
        private var work: (@Sendable () -> Void)?

        init(work: @escaping @Sendable () -> Void) { self.work = work }

        func run() { work?() }
        func clear() { work = nil }
    }
}

/// `DispatchQueue.concurrentPerform`, or `OwnThreads.perform` on a thread marked for it.
func concurrentlyPerform(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
    if OwnThreads.isCurrent {
        OwnThreads.perform(iterations, body)
    } else {
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    }
}
