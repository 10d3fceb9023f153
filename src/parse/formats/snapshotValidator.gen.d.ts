export interface ValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
export declare const validate: ((data: unknown) => boolean) & { errors?: ValidationError[] | null };
export default validate;
