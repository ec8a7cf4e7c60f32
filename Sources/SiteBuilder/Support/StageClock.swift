import Foundation

/// Prints how long each stage of a build took (`kretslopp build --timings`).
struct StageClock {
    let enabled: Bool
    private var last = DispatchTime.now()

    init(enabled: Bool) { self.enabled = enabled }

    /// Reports the time since the previous lap under `stage`.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", ms, stage).utf8))
        last = now
    }
}
