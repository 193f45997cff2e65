/// Why a transport contract case stopped early: a wait that ran out of time, or a stream that ended
/// before delivering what the case waited for. Thrown, so Swift Testing reports the description.
struct TransportContractFailure: Error, CustomStringConvertible {
    let description: String
}
