import Dispatch
import Foundation

/// A value computed on another thread while the caller goes on with other work; `wait()` gives
/// it. With `inBackground: false` it is computed at once, on the caller's thread.
final class BackgroundWork<Value>: @unchecked Sendable {
    // `result` is written once, before `done` is signalled, and read only after waiting for it.
    private var result: Value?
    private let done: DispatchSemaphore?

    init(inBackground: Bool = true, _ work: @escaping @Sendable () -> Value) {
        guard inBackground else {
            result = work()
            done = nil
            return
        }
        let done = DispatchSemaphore(value: 0)
        self.done = done
        // A thread of its own, not a dispatch worker: the stage running meanwhile keeps the
        // dispatch pool's threads busy, and the work spreads itself over them as they free up.
        Thread { [self] in
            result = work()
            done.signal()
        }.start()
    }

    /// The value, once computed. Called once, by the thread that made the work.
    func wait() -> Value {
        done?.wait()
        return result!
    }
}
