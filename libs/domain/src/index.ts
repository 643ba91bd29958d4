// The door of the pure domain library: periods, report rules, aggregation, disclosure control.
export {};
