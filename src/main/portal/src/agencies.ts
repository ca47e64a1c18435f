// The agencies of the city, fetched once per page load: pickers choose from them and
// pages show an agency's name where the API gives its code.
import { get } from '@/api/http'

export interface Agency {
  code: string
  name: string
  type: string
}

let all: Promise<Agency[]> | undefined

export function agencies(): Promise<Agency[]> {
  all ??= get<Agency[]>('/api/agencies').catch((error) => {
    all = undefined
    throw error
  })
  return all
}

export async function agenciesOf(types: string[]): Promise<Agency[]> {
  return (await agencies()).filter((agency) => types.includes(agency.type))
}

/** Agency names by code, for showing codes as names. */
export async function agencyNames(): Promise<Map<string, string>> {
  return new Map((await agencies()).map((agency) => [agency.code, agency.name]))
}
