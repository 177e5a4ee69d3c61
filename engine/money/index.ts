export { min, Money, moneyFromColumn, moneyToColumn, moneyToJson, parseAmount, sum, ZERO } from './money.ts';
export { FixedNumber, toJsonText } from './fixed.ts';
