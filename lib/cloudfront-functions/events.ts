/**
 * The parts of the CloudFront Functions event (version 1.0) the cookie filter
 * reads: lowercase header names; cookies parsed by CloudFront into
 * `request.cookies` / `response.cookies`, each `{ value, attributes?, multiValue? }`.
 */
export interface CfValue {
  value: string;
  attributes?: string;
  multiValue?: CfValue[];
}

export type CfMap = { [name: string]: CfValue };

export interface CfRequest {
  method: string;
  uri: string;
  querystring: CfMap;
  headers: CfMap;
  cookies: CfMap;
}

export interface CfResponse {
  statusCode: number;
  statusDescription?: string;
  headers: CfMap;
  cookies: CfMap;
}

export interface CfEvent {
  version: string;
  context: { eventType: string; distributionId?: string; distributionDomainName?: string; requestId?: string };
  viewer: { ip: string };
  request: CfRequest;
  response?: CfResponse;
}
