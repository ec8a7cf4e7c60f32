import Dispatch
import Foundation
import Synchronization

/// A value computed on another thread while the caller goes on with other work; `wait()` gives
/// it. With `inBackground: false` it is computed at once, on the caller's thread.
public final class BackgroundWork<Value: Sendable>: Sendable {
    // Written once, before `done` is signalled; the lock is taken once on each side.
    private let result: Mutex<Value?>
    private let done: DispatchSemaphore?

    public init(inBackground: Bool = true, _ work: @escaping @Sendable () -> Value) {
        guard inBackground else {
            result = Mutex(work())
            done = nil
            return
        }
        let done = DispatchSemaphore(value: 0)
        result = Mutex(nil)
        self.done = done
        // A thread of its own, not a dispatch worker: the stage running meanwhile keeps the
        // dispatch pool's threads busy, and the work spreads itself over them as they free up.
        Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }.start()
    }

    /// The value, once computed. Called once, by the thread that made the work.
    public func wait() -> Value {
        done?.wait()
        return result.withLock { $0! }
    }
}
